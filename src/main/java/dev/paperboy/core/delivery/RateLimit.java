package dev.paperboy.core.delivery;

import java.time.Duration;
import java.util.Objects;

/** At most {@code permits} sends in any window of length {@code per}. */
public record RateLimit(int permits, Duration per) {

    public RateLimit {
        Objects.requireNonNull(per, "per");
        if (permits < 1 || per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("a rate limit needs permits >= 1 and a positive window");
        }
    }

    public static RateLimit perSecond(int permits) {
        return new RateLimit(permits, Duration.ofSeconds(1));
    }

    /** The sustained rate, in sends per second. */
    public double ratePerSecond() {
        return permits / (per.toNanos() / 1e9);
    }
}
