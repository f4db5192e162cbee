package dev.paperboy.core;

import static dev.paperboy.core.Fixtures.digest;
import static dev.paperboy.core.Fixtures.paper;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LiveLibraryTest {

    private final FakeContentSource source = new FakeContentSource();
    private final FakeSearchIndex index = new FakeSearchIndex();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC);
    private final LiveLibrary live = new LiveLibrary(source, List.of(index), clock);

    @Test
    void aValidReloadSwapsAndReportsWhatChanged() {
        source.willLoad(List.of(digest("ViT", "2022-11-15", paper(null, "A"), paper(null, "B"))));
        ReloadResult result = live.reload();
        assertThat(result.applied()).isTrue();
        assertThat(result.changes()).isEqualTo(new LibraryChanges(1, 0, 0, 2, 0, 0));
        assertThat(live.current().paperCount()).isEqualTo(2);
        assertThat(index.search(new SearchRequest("a", 1, 5)).total()).isEqualTo(1);
        assertThat(live.lastReload()).get().extracting(LiveLibrary.ReloadRecord::at)
                .isEqualTo(Instant.parse("2026-11-28T08:00:00Z"));
    }

    @Test
    void aBrokenReloadKeepsTheOldContentAndReturnsEveryProblem() {
        source.willLoad(List.of(digest("ViT", "2022-11-15", paper(null, "A"))));
        live.reload();
        Library before = live.current();
        source.willFail(new ContentProblem("a.txt", 3, "first"), new ContentProblem("b.txt", 9, "second"));
        ReloadResult result = live.reload();
        assertThat(result.applied()).isFalse();
        assertThat(result.problems()).extracting(ContentProblem::toString)
                .containsExactly("a.txt:3: first", "b.txt:9: second");
        assertThat(live.current()).isSameAs(before);
        assertThat(index.search(new SearchRequest("a", 1, 5)).total()).isEqualTo(1);
    }

    @Test
    void whatTheIndexWarnsAboutIsReportedWithAnAppliedReload() {
        source.willLoad(List.of(digest("ViT", "2022-11-15", paper(null, "A"))));
        index.warnNextUpdate("Paper title:a is left out of search");
        ReloadResult result = live.reload();
        assertThat(result.applied()).isTrue();
        assertThat(result.warnings()).containsExactly("Paper title:a is left out of search");
        assertThat(live.reload().warnings()).isEmpty();
    }

    @Test
    void copiesInTheDumpsAreCountedAndReportedWithTheReload() {
        Paper first = paper("2401.00001", "First");
        Paper again = paper("2401.00001", "First, again");
        Paper listed = paper("2401.00002", "Listed");
        source.willLoad(List.of(digest("ViT", "2022-11-15", listed)), List.of(first, again, listed, again));

        ReloadResult result = live.reload();

        assertThat(result.applied()).isTrue();
        assertThat(result.warnings()).as("a digest's paper in a dump is no copy: the digest's is served")
                .containsExactly("2 papers in the JSONL dumps repeat the arXiv id (or, without one, the title) of a"
                        + " paper read before; the first is kept. Remove the copies, or a dump imported twice, if"
                        + " that is not what you meant.");
        assertThat(live.current().paperCount()).isEqualTo(2);
        assertThat(LoosePapers.of(List.of(first)).then(LoosePapers.of(List.of(again))).copies())
                .as("a copy in a later dump").isEqualTo(1);
    }

    @Test
    void aFailingIndexUpdateRefusesTheReload() {
        source.willLoad(List.of(digest("ViT", "2022-11-15", paper(null, "A"))));
        live.reload();
        Library before = live.current();
        source.willLoad(List.of(digest("ViT", "2022-11-16", paper(null, "C"))));
        index.failNextUpdate();
        ReloadResult result = live.reload();
        assertThat(result.applied()).isFalse();
        assertThat(result.problems()).singleElement().asString().contains("disk full");
        assertThat(live.current()).isSameAs(before);
    }

    @Test
    void concurrentReloadsRunOneAfterTheOther() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ContentSource slow = new ContentSource() {
            @Override
            public ContentLoad load() {
                maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                inside.decrementAndGet();
                return new ContentLoad(List.of(), List.of(), List.of());
            }

            @Override
            public String describe() {
                return "slow";
            }
        };
        LiveLibrary serial = new LiveLibrary(slow, List.of(), clock);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ReloadResult>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return serial.reload();
                }));
            }
            start.countDown();
            for (Future<ReloadResult> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS).applied()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(maxInside.get()).isEqualTo(1);
    }

    @Test
    void aSourceThatThrowsIsAProblemNotACrash() {
        LiveLibrary broken = new LiveLibrary(new ContentSource() {
            @Override
            public ContentLoad load() {
                throw new IllegalStateException("bug");
            }

            @Override
            public String describe() {
                return "broken";
            }
        }, List.of(), clock);
        ReloadResult result = broken.reload();
        assertThat(result.applied()).isFalse();
        assertThat(result.problems()).singleElement().asString().contains("bug");
    }
}
