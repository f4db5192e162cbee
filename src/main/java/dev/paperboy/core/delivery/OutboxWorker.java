package dev.paperboy.core.delivery;

import dev.paperboy.core.command.Platform;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox: each target's messages in order, within each platform's rate limits, one
 * message per target at a time. {@link #dispatch} hands out what may go now and says when to call
 * again; sends run on the given executor (a thread pool in production, the calling thread in tests,
 * which makes the worker steppable with a fake clock). A throttled, failing or dead target only
 * ever delays itself.
 */
public final class OutboxWorker {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
    /** Heads fetched per look; the rest wait for the next look. */
    static final int BATCH = 1000;
    /** How long fetched heads are trusted before looking at the store again. */
    static final Duration REFRESH = Duration.ofSeconds(1);

    private final DeliveryStore store;
    private final Map<Platform, MessageSender> senders = new ConcurrentHashMap<>();
    private final RateLimiter limiter;
    private final RetryPolicy retry;
    private final Clock clock;
    private final RandomGenerator random;
    private final Executor executor;
    private final Semaphore slots;
    private final Set<Target> inFlight = ConcurrentHashMap.newKeySet();
    private final Deque<OutboxItem> buffer = new ArrayDeque<>();
    private Instant fetchedAt = Instant.MIN;
    private volatile boolean stopping;
    private volatile Runnable onSettled = () -> { };

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong transientFailures = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong gone = new AtomicLong();
    private final AtomicLong migrated = new AtomicLong();

    /**
     * @param parallelism how many sends may run at once; permits are only taken for sends that can
     *                    start, and a send counts against the limits until a window after it ended
     */
    public OutboxWorker(DeliveryStore store, List<MessageSender> senders, RateLimiter limiter, RetryPolicy retry,
                        Clock clock, RandomGenerator random, Executor executor, int parallelism) {
        this.store = store;
        senders.forEach(s -> this.senders.put(s.platform(), s));
        this.limiter = limiter;
        this.retry = retry;
        this.clock = clock;
        this.random = random;
        this.executor = executor;
        this.slots = new Semaphore(parallelism);
    }

    /** Adds (or replaces) the sender of a platform, for an adapter that starts after the engine was built. */
    public void register(MessageSender sender) {
        senders.put(sender.platform(), sender);
    }

    /** Called whenever a send settles, so that a waiting dispatcher can look again. */
    public void onSettled(Runnable action) {
        this.onSettled = action;
    }

    /** Stops handing out messages; sends already started finish and are recorded. */
    public void stop() {
        stopping = true;
    }

    public DeliveryStats stats() {
        return new DeliveryStats(sent.get(), rateLimited.get(), transientFailures.get(), failed.get(), gone.get(),
                migrated.get());
    }

    /**
     * Starts every send that may go now. Returns when something may go next (a rate-limit window
     * opening), or empty when nothing is known to wait; new work also arrives through the store, so a
     * caller looks again within a second or so anyway.
     *
     * @param fresh look at the store now instead of trusting the heads fetched within the last second
     */
    public synchronized Optional<Instant> dispatch(boolean fresh) {
        Instant now = clock.instant();
        if (fresh || buffer.isEmpty() || !now.isBefore(fetchedAt.plus(REFRESH))) {
            buffer.clear();
            // Taken before the read: a send that settles during it was read as waiting, and a retry_after or
            // backoff it just recorded would be ignored. Only this method adds to inFlight, so none is missed.
            Set<Target> busy = Set.copyOf(inFlight);
            store.heads(senders.keySet(), now, BATCH).stream().filter(i -> !busy.contains(i.target()))
                    .forEach(buffer::add);
            fetchedAt = now;
        }
        Instant next = null;
        Map<Platform, Instant> platformBlocked = new HashMap<>();
        for (Iterator<OutboxItem> it = buffer.iterator(); it.hasNext() && !stopping; ) {
            OutboxItem item = it.next();
            Platform platform = item.target().platform();
            if (inFlight.contains(item.target())) {
                it.remove(); // its next message is the head once this one settles; a later look finds it
                continue;
            }
            if (platformBlocked.containsKey(platform)) {
                continue;
            }
            Instant overall = limiter.overallAvailableAt(platform, clock.instant());
            if (overall != null) {
                platformBlocked.put(platform, overall);
                next = earliest(next, overall);
                continue;
            }
            // A sender slot before a permit: a permit taken for a send that cannot start would be wasted.
            if (!slots.tryAcquire()) {
                // Every sender is busy; a settling send wakes the dispatcher.
                return Optional.ofNullable(next);
            }
            Instant at = limiter.tryAcquire(item.target(), clock.instant());
            if (at != null) {
                slots.release();
                next = earliest(next, at);
                continue;
            }
            it.remove();
            inFlight.add(item.target());
            try {
                executor.execute(() -> send(item));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // Shutting down: the message stays waiting for the next start.
                limiter.cancel(item.target());
                inFlight.remove(item.target());
                slots.release();
                return Optional.ofNullable(next);
            }
        }
        return Optional.ofNullable(next);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private void send(OutboxItem item) {
        boolean permitOpen = true;
        try {
            // Unsubscribed or paused while it waited in the buffer: it must not go.
            if (!store.isWaiting(item.id())) {
                return;
            }
            SendOutcome outcome;
            try {
                outcome = senders.get(item.target().platform()).send(item.target(), item.message());
            } catch (RuntimeException e) {
                LOG.warn("The {} sender threw instead of answering; treating it as a passing failure",
                        item.target().platform(), e);
                outcome = new SendOutcome.TransientFailure("sender error: " + e);
            } finally {
                // The platform saw the request by now at the latest: the send counts against its windows from here.
                limiter.release(item.target(), clock.instant());
                permitOpen = false;
            }
            settle(item, outcome);
        } catch (RuntimeException e) {
            // The store failed: the message stays waiting and goes again, which is at most one duplicate.
            LOG.error("Could not record the send of outbox message {} to {}", item.id(), item.target(), e);
        } finally {
            if (permitOpen) {
                limiter.cancel(item.target()); // nothing was sent
            }
            inFlight.remove(item.target());
            slots.release();
            onSettled.run();
        }
    }

    private void settle(OutboxItem item, SendOutcome outcome) {
        Instant now = clock.instant();
        Target target = item.target();
        if (outcome instanceof SendOutcome.Sent s) {
            store.markSent(item.id(), s.messageId(), now);
            sent.incrementAndGet();
        } else if (outcome instanceof SendOutcome.RetryAfter r) {
            rateLimited.incrementAndGet();
            store.retryLater(item.id(), now.plus(r.delay()), "rate limited for " + r.delay().toMillis() + " ms", false);
        } else if (outcome instanceof SendOutcome.TransientFailure f) {
            transientFailures.incrementAndGet();
            int failures = item.attempts() + 1;
            if (failures >= retry.maxAttempts()) {
                giveUp(item, "failed " + failures + " times, last: " + f.reason(), now, true);
            } else {
                store.retryLater(item.id(), now.plus(retry.backoff(failures, random)), f.reason(), true);
            }
        } else if (outcome instanceof SendOutcome.TargetGone g) {
            gone.incrementAndGet();
            LOG.warn("Paused every subscription of {}: {}. An admin of that chat can /resume once the bot is "
                    + "back in it", target, g.reason());
            store.targetGone(target, g.reason(), now);
        } else if (outcome instanceof SendOutcome.Migrated m) {
            migrated.incrementAndGet();
            Target to = new Target(target.platform(), m.newChatId(), target.threadId());
            LOG.info("{} moved to {}; its subscriptions and waiting messages follow it", target, to);
            store.migrate(target, to);
        } else if (outcome instanceof SendOutcome.Rejected r) {
            giveUp(item, "refused by " + target.platform() + ": " + r.reason(), now, false);
        }
    }

    /** {@code offerPapersAgain}: whether the next run may offer the message's papers again (see the store). */
    private void giveUp(OutboxItem item, String reason, Instant now, boolean offerPapersAgain) {
        failed.incrementAndGet();
        LOG.warn("Gave up a message to {}: {}", item.target(), reason);
        store.markFailed(item.id(), reason, now, offerPapersAgain);
        if (item.subscriptionId() != 0) {
            store.recordOutcome(item.subscriptionId(), now, "a message was not delivered: " + reason);
        }
    }
}
