package dev.paperboy.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-user flood protection: at most {@code limit} commands within a sliding {@code window}. The
 * first command over the limit is told to slow down; later ones in the same burst are dropped
 * silently, so a flood never turns into a flood of notices.
 */
final class FloodThrottle {

    /** What to do with one command. */
    enum Verdict { ALLOW, NOTIFY, DROP }

    private static final int MAX_USERS = 10_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > MAX_USERS;
        }
    };
    private final Map<String, Instant> notified = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > MAX_USERS;
        }
    };

    FloodThrottle(int limit, Duration window, Clock clock) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the flood limit and window must be positive");
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    synchronized Verdict check(String userId) {
        Instant now = clock.instant();
        Deque<Instant> times = recent.computeIfAbsent(userId, k -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
            times.pollFirst();
        }
        if (times.size() < limit) {
            times.addLast(now);
            notified.remove(userId);
            return Verdict.ALLOW;
        }
        Instant last = notified.get(userId);
        if (last == null || !last.isAfter(now.minus(window))) {
            notified.put(userId, now);
            return Verdict.NOTIFY;
        }
        return Verdict.DROP;
    }
}
