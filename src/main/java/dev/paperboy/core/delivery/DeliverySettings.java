package dev.paperboy.core.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * How delivery behaves, from the configuration.
 *
 * @param windowDays     papers older than this many days before the delivery day are never sent
 * @param sendEmptyNote  whether a day with nothing new sends a short "no new papers" note
 * @param tick           how often the planner looks for due subscriptions
 * @param senderThreads  how many messages may be in flight at once, over all platforms
 */
public record DeliverySettings(int windowDays, boolean sendEmptyNote, Duration tick, int senderThreads,
                               RetryPolicy retry) {

    public DeliverySettings {
        if (windowDays < 1 || windowDays > 365) {
            throw new IllegalArgumentException("the delivery window is 1 to 365 days, got " + windowDays);
        }
        Objects.requireNonNull(tick, "tick");
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("the planner tick must be positive");
        }
        if (senderThreads < 1 || senderThreads > 64) {
            throw new IllegalArgumentException("sender threads are 1 to 64, got " + senderThreads);
        }
        Objects.requireNonNull(retry, "retry");
    }

    public static DeliverySettings defaults() {
        return new DeliverySettings(7, false, Duration.ofSeconds(30), 4, RetryPolicy.defaults());
    }
}
