package dev.paperboy.core.delivery;

import dev.paperboy.core.command.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Sliding-window limits for sends, per platform and per chat.
 *
 * <p>A send counts against a window from the moment its permit is taken until {@code per} after the
 * send <em>ended</em> ({@link #release}), not after the permit was taken. The platform sees the
 * request somewhere between the two, and a sender thread may start late (scheduling, a store read
 * before the send); counting from the end is the only moment that is never earlier than the
 * platform's, so the limiter's window always holds every request the platform's does. While a
 * send is in flight it simply occupies a place in each of its windows. {@code slack} only covers the
 * difference between this clock and the platform's (a few milliseconds at most).
 *
 * <p>Thread-safe: the dispatcher takes permits, sender threads release them.
 */
public final class RateLimiter {

    private final Map<Platform, RateLimitPolicy> policies;
    private final Duration slack;
    private final Duration longest;
    private final Map<String, Window> windows = new HashMap<>();
    private long acquisitions;

    public RateLimiter(List<RateLimitPolicy> policies, Duration slack) {
        this.policies = new HashMap<>();
        policies.forEach(p -> this.policies.put(p.platform(), p));
        this.slack = slack;
        this.longest = policies.stream()
                .flatMap(p -> java.util.stream.Stream.of(p.overall(), p.perChat(), p.perGroup()))
                .flatMap(List::stream).map(RateLimit::per).max(Duration::compareTo).orElse(Duration.ZERO).plus(slack);
    }

    /** The platform-wide windows only: null when a send could go now, else when one could. */
    public synchronized Instant overallAvailableAt(Platform platform, Instant now) {
        RateLimitPolicy policy = policies.get(platform);
        if (policy == null) {
            return null;
        }
        List<Slot> slots = new ArrayList<>();
        add(slots, policy.overall(), "*" + platform);
        return latest(slots, now);
    }

    /**
     * Takes a permit for one send to the target: null when taken, else the earliest instant to try
     * again. A taken permit must be given back with {@link #release} once the send ended, or with
     * {@link #cancel} when the send never happened.
     */
    public synchronized Instant tryAcquire(Target target, Instant now) {
        RateLimitPolicy policy = policies.get(target.platform());
        if (policy == null) {
            return null;
        }
        List<Slot> slots = slots(policy, target);
        Instant latest = latest(slots, now);
        if (latest != null) {
            return latest;
        }
        slots.forEach(slot -> slot.window.pending++);
        if (++acquisitions % 10_000 == 0) {
            forgetIdle(now);
        }
        return null;
    }

    /** The send of a permit taken for the target ended at {@code endedAt}: it counts from then on. */
    public synchronized void release(Target target, Instant endedAt) {
        RateLimitPolicy policy = policies.get(target.platform());
        if (policy == null) {
            return;
        }
        for (Slot slot : slots(policy, target)) {
            if (slot.window.pending > 0) {
                slot.window.pending--;
            }
            slot.window.ended.add(endedAt);
        }
    }

    /** A permit taken for the target was not used: nothing reached the platform. */
    public synchronized void cancel(Target target) {
        RateLimitPolicy policy = policies.get(target.platform());
        if (policy == null) {
            return;
        }
        for (Slot slot : slots(policy, target)) {
            if (slot.window.pending > 0) {
                slot.window.pending--;
            }
        }
    }

    private static Instant latest(List<Slot> slots, Instant now) {
        Instant latest = null;
        for (Slot slot : slots) {
            Instant at = slot.availableAt(now);
            if (at != null && (latest == null || at.isAfter(latest))) {
                latest = at;
            }
        }
        return latest;
    }

    private List<Slot> slots(RateLimitPolicy policy, Target target) {
        List<Slot> slots = new ArrayList<>();
        String chat = target.platform() + ":" + target.chatId();
        add(slots, policy.overall(), "*" + target.platform());
        add(slots, policy.perChat(), chat);
        if (policy.isGroup(target)) {
            add(slots, policy.perGroup(), "group " + chat);
        }
        return slots;
    }

    private void add(List<Slot> slots, List<RateLimit> limits, String key) {
        for (int i = 0; i < limits.size(); i++) {
            slots.add(new Slot(limits.get(i), windows.computeIfAbsent(key + "#" + i, k -> new Window())));
        }
    }

    /** Per-chat windows of chats that went quiet would otherwise pile up with every target ever sent to. */
    private void forgetIdle(Instant now) {
        Instant horizon = now.minus(longest);
        for (Iterator<Window> it = windows.values().iterator(); it.hasNext(); ) {
            Window window = it.next();
            if (window.pending == 0 && window.ended.stream().noneMatch(at -> at.isAfter(horizon))) {
                it.remove();
            }
        }
    }

    /** Sends in flight, and the end moments of finished sends, oldest first. */
    private static final class Window {
        int pending;
        final PriorityQueue<Instant> ended = new PriorityQueue<>();
    }

    private final class Slot {
        final RateLimit limit;
        final Window window;

        Slot(RateLimit limit, Window window) {
            this.limit = limit;
            this.window = window;
        }

        Instant availableAt(Instant now) {
            Duration span = limit.per().plus(slack);
            Instant horizon = now.minus(span);
            PriorityQueue<Instant> ended = window.ended;
            while (!ended.isEmpty() && !ended.peek().isAfter(horizon)) {
                ended.poll();
            }
            if (window.pending + ended.size() < limit.permits()) {
                return null;
            }
            // Sends in flight end after every finished one, so only the newest `permits` entries matter.
            while (!ended.isEmpty() && window.pending + ended.size() > limit.permits()) {
                ended.poll();
            }
            if (ended.isEmpty()) {
                // Every place is taken by a send in flight: it frees one when it ends, and that wakes the dispatcher.
                return now.plus(span);
            }
            return ended.peek().plus(span);
        }
    }
}
