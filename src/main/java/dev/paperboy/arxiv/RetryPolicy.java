package dev.paperboy.arxiv;

import java.time.Duration;

/**
 * How often and how patiently a failed request is tried again: up to {@code attempts} tries, waiting
 * {@code firstDelay}, then twice as long each time up to {@code maxDelay}. A {@code Retry-After} up to
 * {@code maxRetryAfter} is honoured as given; a longer one ends the fetch until the next run.
 */
public record RetryPolicy(int attempts, Duration firstDelay, Duration maxDelay, Duration maxRetryAfter) {

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
        }
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("delays must be positive and maxDelay >= firstDelay");
        }
    }

    /** Four tries 10 s, 20 s and 40 s apart; a Retry-After of up to 5 minutes is waited for. */
    public static RetryPolicy standard() {
        return new RetryPolicy(4, Duration.ofSeconds(10), Duration.ofMinutes(2), Duration.ofMinutes(5));
    }

    /** The wait before try number {@code attempt + 1}, after {@code attempt} failed tries. */
    Duration backoff(int attempt) {
        Duration delay = firstDelay;
        for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
