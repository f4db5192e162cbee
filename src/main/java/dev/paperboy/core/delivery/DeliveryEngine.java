package dev.paperboy.core.delivery;

import dev.paperboy.core.LiveLibrary;
import dev.paperboy.core.SearchIndex;
import dev.paperboy.core.StatusContributor;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs delivery: the planner every tick, and a dispatcher thread that feeds the outbox worker's
 * sender threads. {@link #close()} stops taking new work, lets sends in flight finish and be
 * recorded, and returns; whatever was not sent stays in the outbox for the next start.
 */
public final class DeliveryEngine implements AutoCloseable, StatusContributor {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryEngine.class);
    /** The longest the dispatcher sleeps without looking at the outbox. */
    private static final Duration MAX_IDLE = Duration.ofSeconds(1);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(15);
    /**
     * Sends count against the limits from when they ended, which is never before the platform saw
     * them; the slack only absorbs the difference between our clock and the platform's.
     */
    private static final Duration LIMITER_SLACK = Duration.ofMillis(5);
    /** Settled outbox rows are kept this long for inspection; the ledger keeps what went where for good. */
    private static final Duration SETTLED_KEPT = Duration.ofDays(30);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final DeliveryPlanner planner;
    private final OutboxWorker worker;
    private final DeliveryStore store;
    private final Duration tick;
    private final Clock clock;
    private final ExecutorService sendPool;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private boolean woken;
    private volatile boolean running;
    private volatile boolean claimRefused;
    private ScheduledExecutorService scheduler;
    private Thread dispatcher;
    private Instant lastPurge;

    /** An engine with its own sender threads, as the application runs it. */
    public static DeliveryEngine create(DeliveryStore store, LiveLibrary library, SearchIndex search,
                                        List<DigestFormatter> formatters, List<MessageSender> senders,
                                        List<RateLimitPolicy> limits, DeliverySettings settings, Clock clock) {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(settings.senderThreads(), r -> {
            Thread thread = new Thread(r, "paperboy-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        DeliveryPlanner planner = new DeliveryPlanner(store, library, search, formatters, settings, clock);
        OutboxWorker worker = new OutboxWorker(store, senders, new RateLimiter(limits, LIMITER_SLACK),
                settings.retry(), clock, new SecureRandom(), pool, settings.senderThreads());
        return new DeliveryEngine(planner, worker, store, settings.tick(), clock, pool);
    }

    public DeliveryEngine(DeliveryPlanner planner, OutboxWorker worker, DeliveryStore store, Duration tick, Clock clock,
                          ExecutorService sendPool) {
        this.planner = planner;
        this.worker = worker;
        this.store = store;
        this.tick = tick;
        this.clock = clock;
        this.sendPool = sendPool;
        planner.afterPlanning(this::wakeUp);
        worker.onSettled(this::wakeUp);
    }

    public DeliveryPlanner planner() {
        return planner;
    }

    public OutboxWorker worker() {
        return worker;
    }

    /**
     * Lets a platform's subscriptions be delivered: its formatter renders digests, its sender sends
     * them. Adapters call this once they run; until then that platform's subscriptions wait.
     */
    public void register(DigestFormatter formatter, MessageSender sender) {
        if (formatter.platform() != sender.platform()) {
            throw new IllegalArgumentException("formatter and sender of different platforms");
        }
        worker.register(sender);
        planner.register(formatter);
        wakeUp();
    }

    /**
     * Starts planning and sending, unless another process delivers from the same store: then this one
     * logs why, says so in {@link #statusLines()}, and leaves delivery to the other.
     */
    public synchronized void start() {
        if (running) {
            return;
        }
        if (!store.claimDelivery()) {
            claimRefused = true;
            LOG.error("Another Paperboy process delivers from this database, so this one does not plan or send "
                    + "(its commands still work, and /deliver now is sent by the other). To deliver from here, stop "
                    + "the other one, or give each its own data directory or PAPERBOY_DATABASE_URL.");
            return;
        }
        claimRefused = false;
        running = true;
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "paperboy-planner");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::planSafely, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
        dispatcher = new Thread(this::dispatchLoop, "paperboy-outbox");
        dispatcher.setDaemon(true);
        dispatcher.start();
        LOG.info("Delivery started: planning every {} s", tick.toSeconds());
    }

    /** For {@code /status}: a line when another process delivers instead of this one. */
    @Override
    public List<String> statusLines() {
        return claimRefused
                ? List.of("Delivery: not from this process; another Paperboy process delivers from this database.")
                : List.of();
    }

    /** Looks at the outbox now rather than at the next wake-up. */
    public void wakeUp() {
        lock.lock();
        try {
            woken = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void planSafely() {
        try {
            planner.planDue();
        } catch (RuntimeException e) {
            // One failed pass must not end the schedule: the next tick tries again.
            LOG.error("Planning deliveries failed; trying again in {} s", tick.toSeconds(), e);
        }
        purgeSettledHourly();
    }

    /** Deletes settled outbox rows older than {@link #SETTLED_KEPT}, at most once an hour. */
    private void purgeSettledHourly() {
        Instant now = clock.instant();
        if (lastPurge != null && Duration.between(lastPurge, now).compareTo(PURGE_EVERY) < 0) {
            return;
        }
        lastPurge = now;
        try {
            int purged = store.purgeSettled(now.minus(SETTLED_KEPT));
            if (purged > 0) {
                LOG.info("Deleted {} settled outbox messages older than {} days", purged, SETTLED_KEPT.toDays());
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not delete old settled outbox messages; trying again in an hour", e);
        }
    }

    private void dispatchLoop() {
        while (running) {
            Optional<Instant> next;
            try {
                next = worker.dispatch(false);
            } catch (RuntimeException e) {
                LOG.error("Reading the outbox failed; trying again shortly", e);
                next = Optional.empty();
            }
            Instant now = clock.instant();
            Duration wait = next.map(at -> Duration.between(now, at)).filter(d -> d.compareTo(MAX_IDLE) < 0)
                    .orElse(MAX_IDLE);
            lock.lock();
            try {
                if (!woken && running && !wait.isNegative() && !wait.isZero()) {
                    wake.await(Math.max(1, wait.toNanos()), TimeUnit.NANOSECONDS);
                }
                woken = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Graceful: no new plans or sends; sends in flight finish and are recorded, within a grace period. */
    @Override
    public synchronized void close() {
        if (!running) {
            sendPool.shutdown();
            return;
        }
        running = false;
        worker.stop();
        scheduler.shutdown();
        wakeUp();
        try {
            dispatcher.join(SHUTDOWN_GRACE.toMillis());
            scheduler.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            sendPool.shutdown();
            if (!sendPool.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Sends still in flight after {} s; they stay in the outbox and go again at the next start",
                        SHUTDOWN_GRACE.toSeconds());
                sendPool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sendPool.shutdownNow();
        }
        LOG.info("Delivery stopped: {}", worker.stats());
    }

    /** Stops everything at once without waiting, as a crash would; for the benchmark's kill-and-restart. */
    public synchronized void halt() {
        running = false;
        worker.stop();
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        sendPool.shutdownNow();
        wakeUp();
    }
}
