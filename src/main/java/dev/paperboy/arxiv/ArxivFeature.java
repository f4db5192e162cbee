package dev.paperboy.arxiv;

import dev.paperboy.config.PaperboyConfig;
import dev.paperboy.content.CompositeContentSource;
import dev.paperboy.content.ContentDirectory;
import dev.paperboy.content.JsonDigestFormat;
import dev.paperboy.core.LiveLibrary;
import dev.paperboy.core.StatusContributor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The arXiv fetch as the app runs it, built from the configuration. Without {@code topics} it is inert:
 * no directory read, no thread, no request.
 */
public final class ArxivFeature implements AutoCloseable {

    /** The listing may still be the previous one at the fetch time; it is tried again this often. */
    private static final Duration RETRY_INTERVAL = Duration.ofHours(1);
    /** Six hourly retries after 20:30 reach past midnight, when arXiv rebuilds the listing feeds. */
    private static final int MAX_RETRIES = 6;

    private final ArxivUpdater updater;
    private final ArxivRoutine routine;
    private final StatusContributor status;

    private ArxivFeature(ArxivUpdater updater, ArxivRoutine routine, StatusContributor status) {
        this.updater = updater;
        this.routine = routine;
        this.status = status;
    }

    /** Where fetched papers and the fetch state are kept. */
    public static Path directory(PaperboyConfig config) {
        return config.dataDir().resolve("arxiv");
    }

    /**
     * The content part that reads the stored papers (its directory created if need be), or empty when no
     * topic is configured.
     */
    public static Optional<CompositeContentSource.Part> contentPart(PaperboyConfig config) {
        if (config.topics().isEmpty()) {
            return Optional.empty();
        }
        ArxivStore store = new ArxivStore(directory(config), new JsonDigestFormat());
        try {
            store.create();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + store.root() + " for the arXiv topics", e);
        }
        return Optional.of(new CompositeContentSource.Part("arxiv/", new ContentDirectory(store.root())));
    }

    /** The fetch for the configured topics, not started; inert when there are none. */
    public static ArxivFeature create(PaperboyConfig config, LiveLibrary library, Clock clock) {
        if (config.topics().isEmpty()) {
            return new ArxivFeature(null, null, null);
        }
        PaperboyConfig.Arxiv settings = config.arxiv();
        String version = Objects.requireNonNullElse(ArxivFeature.class.getPackage().getImplementationVersion(), "dev");
        Ticker ticker = Ticker.system();
        ArxivHttp http = new ArxivHttp(ArxivHttp.defaultClient(), ArxivHttp.userAgent(version, settings.contact()),
                new RequestPacer(Duration.ofSeconds(3), ticker), RetryPolicy.standard(), ticker, clock,
                Duration.ofMinutes(2));
        ArxivSource source = new ArxivSource(http, new ArxivFeedParser(), settings.apiUrl(), settings.rssUrl(),
                ArxivSource.DEFAULT_PAGE_SIZE);
        ArxivStore store = new ArxivStore(directory(config), new JsonDigestFormat());
        ArxivUpdater updater = new ArxivUpdater(config.topics(), source, store, library, clock);
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "arxiv-fetch");
            thread.setDaemon(true);
            return thread;
        });
        ArxivRoutine routine = new ArxivRoutine(updater, ArxivSchedule.announcements(settings.fetchTime()), clock,
                executor, RETRY_INTERVAL, MAX_RETRIES);
        return new ArxivFeature(updater, routine, new ArxivStatus(updater, routine::nextRun, config.timezone()));
    }

    /** The lines this adds to {@code /status}: none without topics. */
    public List<StatusContributor> statusContributors() {
        return status == null ? List.of() : List.of(status);
    }

    /** Starts the schedule (catching up at once on topics that missed a fetch); does nothing without topics. */
    public void start() {
        if (routine != null) {
            routine.start();
        }
    }

    /** Fetches every topic now, for tools and tests; empty without topics. */
    public Optional<ArxivUpdater.RunReport> fetchNow() {
        return updater == null ? Optional.empty() : Optional.of(updater.runAll());
    }

    @Override
    public void close() {
        if (routine != null) {
            routine.close();
        }
    }
}
