package dev.paperboy.core.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How a failed send (5xx, timeout, reset) is retried: exponential backoff from {@code base} up to
 * {@code max}, with jitter so that many targets failing together do not retry in lockstep; after
 * {@code maxAttempts} failures the message is given up.
 */
public record RetryPolicy(Duration base, Duration max, int maxAttempts) {

    public RetryPolicy {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(max, "max");
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < base <= max");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(10), 12);
    }

    /** The wait before the next try after {@code failures} failures: half to all of the exponential delay. */
    public Duration backoff(int failures, RandomGenerator random) {
        long baseMillis = base.toMillis();
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        long full = Math.min(max.toMillis(), baseMillis << doublings);
        long half = full / 2;
        return Duration.ofMillis(half + (half == 0 ? 0 : random.nextLong(half + 1)));
    }
}
