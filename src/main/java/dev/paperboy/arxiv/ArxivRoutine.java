package dev.paperboy.arxiv;

import dev.paperboy.config.PaperboyConfig.Topic;
import dev.paperboy.core.render.PlainText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the arXiv fetch on its schedule: at start-up for topics that missed a fetch while Paperboy was down,
 * then every announcement evening; a topic that failed or whose listing was not yet rebuilt is tried again
 * every {@code retryInterval}, at most {@code maxRetries} times before the next regular fetch. A run's
 * failure is logged and never cancels the schedule. Fetched papers reach chats only through the next
 * delivery run, never at once.
 */
public final class ArxivRoutine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ArxivRoutine.class);

    private final ArxivUpdater updater;
    private final ArxivSchedule schedule;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final Duration retryInterval;
    private final int maxRetries;
    private int retries;
    private volatile Instant nextRun;
    private ScheduledFuture<?> pending;

    public ArxivRoutine(ArxivUpdater updater, ArxivSchedule schedule, Clock clock, ScheduledExecutorService executor,
                        Duration retryInterval, int maxRetries) {
        this.updater = updater;
        this.schedule = schedule;
        this.clock = clock;
        this.executor = executor;
        this.retryInterval = retryInterval;
        this.maxRetries = maxRetries;
    }

    /** Schedules the first run: at once when a topic is behind, else at the next fetch time. */
    public synchronized void start() {
        Instant now = clock.instant();
        List<Topic> behind = behind(now);
        if (!behind.isEmpty()) {
            LOG.info("arXiv: catching up {} that missed a fetch", PlainText.count(behind.size(), "topic"));
            scheduleAt(now, behind);
        } else {
            scheduleAt(schedule.next(now), null);
        }
    }

    /** When the routine runs next, or null when it is stopped. */
    public Instant nextRun() {
        return nextRun;
    }

    /** Topics never fetched, or not brought up to date since the last fetch time. */
    List<Topic> behind(Instant now) {
        Instant due = schedule.previous(now);
        return updater.topics().stream().filter(t -> {
            Instant last = updater.state().topic(t.slug()).lastSuccess();
            return last == null || last.isBefore(due);
        }).toList();
    }

    /** Topics whose last fetch failed or found the listing not yet rebuilt. */
    List<Topic> toRetry() {
        return updater.topics().stream().filter(t -> {
            FetchOutcome last = updater.state().topic(t.slug()).lastOutcome();
            return last != null && (last.kind() == FetchOutcome.Kind.FAILED
                    || last.kind() == FetchOutcome.Kind.UNCHANGED);
        }).toList();
    }

    /** Runs once now (topics null means all), then schedules the next run. Never throws. */
    void runOnce(List<Topic> which, boolean regular) {
        try {
            if (regular) {
                retries = 0;
            }
            updater.run(which == null ? updater.topics() : which);
        } catch (Throwable e) {
            LOG.error("arXiv fetch run failed; the schedule goes on", e);
        } finally {
            synchronized (this) {
                if (!executor.isShutdown()) {
                    scheduleNext();
                }
            }
        }
    }

    private void scheduleNext() {
        Instant now = clock.instant();
        Instant regular = schedule.next(now);
        List<Topic> again = toRetry();
        if (!again.isEmpty() && retries < maxRetries && now.plus(retryInterval).isBefore(regular)) {
            retries++;
            LOG.info("arXiv: trying {} again in {} min (retry {} of {})", PlainText.count(again.size(), "topic"),
                    retryInterval.toMinutes(), retries, maxRetries);
            scheduleAt(now.plus(retryInterval), again);
        } else {
            scheduleAt(regular, null);
        }
    }

    private void scheduleAt(Instant at, List<Topic> which) {
        boolean regular = which == null;
        nextRun = at;
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        pending = executor.schedule(() -> runOnce(which, regular), delay, TimeUnit.MILLISECONDS);
        LOG.debug("arXiv: next fetch at {}", at);
    }

    /** Stops the schedule; a run in progress is interrupted (it stores nothing half-done). */
    @Override
    public void close() {
        synchronized (this) {
            nextRun = null;
            if (pending != null) {
                pending.cancel(false);
            }
            executor.shutdownNow();
        }
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("arXiv fetch did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "ArxivRoutine[next " + Objects.toString(nextRun, "stopped") + "]";
    }
}
