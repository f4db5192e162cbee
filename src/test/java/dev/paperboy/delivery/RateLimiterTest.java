package dev.paperboy.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.command.Platform;
import dev.paperboy.core.delivery.RateLimit;
import dev.paperboy.core.delivery.RateLimitPolicy;
import dev.paperboy.core.delivery.RateLimiter;
import dev.paperboy.core.delivery.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sends count from when they ended, so a late start or a slow request never lets the limiter run ahead of the platform. */
class RateLimiterTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private final RateLimiter limiter = new RateLimiter(List.of(new RateLimitPolicy(Platform.TELEGRAM,
            List.of(RateLimit.perSecond(2)), List.of(RateLimit.perSecond(1)), List.of(), false)), Duration.ZERO);

    private static Target chat(int n) {
        return Target.chat(Platform.TELEGRAM, String.valueOf(n));
    }

    @Test
    void aSendInFlightHoldsItsPlaceAndCountsFromItsEnd() {
        assertThat(limiter.tryAcquire(chat(1), T0)).isNull();
        assertThat(limiter.tryAcquire(chat(2), T0)).isNull();
        // Both in flight: the window is full however long they take.
        assertThat(limiter.tryAcquire(chat(3), T0.plusSeconds(5))).isNotNull();
        limiter.release(chat(1), T0.plusMillis(5_300));
        limiter.release(chat(2), T0.plusMillis(5_400));
        // A second after the permit would be too early: the platform may have seen them as late as their end.
        assertThat(limiter.tryAcquire(chat(3), T0.plusMillis(6_200))).isEqualTo(T0.plusMillis(6_300));
        assertThat(limiter.tryAcquire(chat(3), T0.plusMillis(6_300))).isNull();
    }

    @Test
    void aCancelledPermitFreesItsPlaceAtOnce() {
        assertThat(limiter.tryAcquire(chat(1), T0)).isNull();
        assertThat(limiter.tryAcquire(chat(2), T0)).isNull();
        limiter.cancel(chat(1));
        assertThat(limiter.overallAvailableAt(Platform.TELEGRAM, T0)).isNull();
        assertThat(limiter.tryAcquire(chat(1), T0)).isNull();
    }

    @Test
    void theChatLimitAlsoCountsFromTheEnd() {
        assertThat(limiter.tryAcquire(chat(1), T0)).isNull();
        limiter.release(chat(1), T0.plusMillis(200));
        assertThat(limiter.tryAcquire(chat(1), T0.plusMillis(1_100))).isEqualTo(T0.plusMillis(1_200));
        assertThat(limiter.tryAcquire(chat(2), T0.plusMillis(1_100))).isNull();
    }
}
