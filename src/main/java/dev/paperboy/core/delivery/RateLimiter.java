package dev.paperboy.core.delivery;

import dev.paperboy.core.command.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Sliding-window limits for sends, per platform and per chat. Each window is widened by a small
 * {@code slack} because a permit is taken a moment before the platform sees the request; the slack
 * keeps that moment from turning into a 429. Not thread-safe: the outbox worker's dispatcher owns it.
 */
public final class RateLimiter {

    private final Map<Platform, RateLimitPolicy> policies;
    private final Duration slack;
    private final Map<String, Deque<Instant>> windows = new HashMap<>();
    private long acquisitions;

    public RateLimiter(List<RateLimitPolicy> policies, Duration slack) {
        this.policies = new HashMap<>();
        policies.forEach(p -> this.policies.put(p.platform(), p));
        this.slack = slack;
    }

    /** The platform-wide windows only: null when a send could go now, else when one could. */
    public Instant overallAvailableAt(Platform platform, Instant now) {
        RateLimitPolicy policy = policies.get(platform);
        if (policy == null) {
            return null;
        }
        List<Slot> slots = new ArrayList<>();
        add(slots, policy.overall(), "*" + platform);
        return latest(slots, now);
    }

    /** Takes a permit for one send to the target: null when taken, else the earliest instant to try again. */
    public Instant tryAcquire(Target target, Instant now) {
        RateLimitPolicy policy = policies.get(target.platform());
        if (policy == null) {
            return null;
        }
        List<Slot> slots = slots(policy, target);
        Instant latest = latest(slots, now);
        if (latest != null) {
            return latest;
        }
        slots.forEach(slot -> slot.window.addLast(now));
        if (++acquisitions % 10_000 == 0) {
            forgetIdle(now);
        }
        return null;
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
            slots.add(new Slot(limits.get(i), window(key + "#" + i)));
        }
    }

    private Deque<Instant> window(String key) {
        return windows.computeIfAbsent(key, k -> new ArrayDeque<>());
    }

    /** Per-chat windows of chats that went quiet would otherwise pile up with every target ever sent to. */
    private void forgetIdle(Instant now) {
        Duration longest = policies.values().stream()
                .flatMap(p -> java.util.stream.Stream.of(p.overall(), p.perChat(), p.perGroup()))
                .flatMap(List::stream).map(RateLimit::per).max(Duration::compareTo).orElse(Duration.ZERO).plus(slack);
        Instant horizon = now.minus(longest);
        for (Iterator<Deque<Instant>> it = windows.values().iterator(); it.hasNext(); ) {
            Deque<Instant> window = it.next();
            if (window.isEmpty() || window.peekLast().isBefore(horizon)) {
                it.remove();
            }
        }
    }

    private final class Slot {
        final RateLimit limit;
        final Deque<Instant> window;

        Slot(RateLimit limit, Deque<Instant> window) {
            this.limit = limit;
            this.window = window;
        }

        Instant availableAt(Instant now) {
            Duration span = limit.per().plus(slack);
            Instant horizon = now.minus(span);
            while (!window.isEmpty() && !window.peekFirst().isAfter(horizon)) {
                window.removeFirst();
            }
            if (window.size() < limit.permits()) {
                return null;
            }
            // The window holds at most `permits` entries once trimmed; the oldest decides.
            while (window.size() > limit.permits()) {
                window.removeFirst();
            }
            return window.peekFirst().plus(span);
        }
    }
}
