package dev.paperboy.arxiv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.arxiv.FakeArxiv.Answer;
import dev.paperboy.config.PaperboyConfig.Topic;
import dev.paperboy.content.ContentDirectory;
import dev.paperboy.content.JsonDigestFormat;
import dev.paperboy.core.LiveLibrary;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArxivRoutineTest {

    /** Monday 2026-03-02, 21:00 in New York: half an hour after the fetch time. */
    private static final Instant NOW = Instant.parse("2026-03-03T02:00:00Z");
    private static final Topic TOPIC = new Topic("Vision", null, List.of("cs.CV"), List.of(), List.of(), 10);

    @TempDir
    Path dir;
    private final FakeArxiv arxiv = new FakeArxiv();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private ArxivStore store;
    private ArxivUpdater updater;
    private ArxivRoutine routine;

    @BeforeEach
    void setUp() throws Exception {
        store = new ArxivStore(dir.resolve("arxiv"), new JsonDigestFormat());
        store.create();
        FakeTicker ticker = new FakeTicker();
        ArxivHttp http = new ArxivHttp(ArxivHttp.defaultClient(), "test", new RequestPacer(Duration.ofSeconds(3), ticker),
                new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO), ticker, clock,
                Duration.ofSeconds(5));
        LiveLibrary library = new LiveLibrary(new ContentDirectory(store.root()), List.of(), clock);
        updater = new ArxivUpdater(List.of(TOPIC), new ArxivSource(http, new ArxivFeedParser(), arxiv.apiUrl(),
                arxiv.rssUrl(), 10), store, library, clock);
        routine = new ArxivRoutine(updater, ArxivSchedule.announcements(LocalTime.of(20, 30)), clock, executor,
                Duration.ofHours(1), 3);
    }

    @AfterEach
    void stop() {
        routine.close();
        arxiv.close();
    }

    @Test
    void aTopicNeverFetchedIsBehindAndCaughtUpAtStart() throws Exception {
        arxiv.rss(Answer.ok("rss-listing.xml"));
        assertThat(routine.behind(NOW)).containsExactly(TOPIC);

        routine.start();

        waitFor(() -> updater.state().topic("vision").lastOutcome() != null);
        assertThat(updater.state().topic("vision").lastOutcome().kind()).isEqualTo(FetchOutcome.Kind.FETCHED);
        waitFor(() -> Instant.parse("2026-03-04T01:30:00Z").equals(routine.nextRun()));
        assertThat(routine.behind(NOW)).isEmpty();
    }

    @Test
    void aFailedRunIsTriedAgainWithinTheHourAndTheScheduleGoesOn() throws Exception {
        // No scripted answer: the fake answers 404, so the fetch fails.
        routine.runOnce(null, true);

        assertThat(updater.state().topic("vision").lastOutcome().kind()).isEqualTo(FetchOutcome.Kind.FAILED);
        assertThat(routine.toRetry()).containsExactly(TOPIC);
        assertThat(routine.nextRun()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void aRunThatThrowsIsLoggedAndTheNextRunIsStillScheduled() {
        ArxivRoutine broken = new ArxivRoutine(updater, ArxivSchedule.announcements(LocalTime.of(20, 30)), clock,
                executor, Duration.ofHours(1), 3);
        broken.runOnce(java.util.Arrays.asList(TOPIC, null), true);

        assertThat(broken.nextRun()).isNotNull();
    }

    @Test
    void aTopicUpToDateSinceTheLastFetchTimeIsNotBehind() {
        arxiv.rss(Answer.ok("rss-listing.xml"));
        updater.runAll();

        routine.start();

        assertThat(routine.nextRun()).isEqualTo(Instant.parse("2026-03-04T01:30:00Z"));
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }
}
