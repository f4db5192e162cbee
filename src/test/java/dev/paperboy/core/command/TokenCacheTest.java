package dev.paperboy.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.delivery.FakeClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenCacheTest {

    private final FakeClock clock = new FakeClock(Instant.parse("2026-05-10T08:00:00Z"));
    private final TokenCache<String> cache = new TokenCache<>(2, Duration.ofHours(1), clock);

    @Test
    void givesShortDistinctTokensThatFitAnyButton() {
        String first = cache.put("vision transformer " + "x".repeat(2000));
        String second = cache.put("vision transformer " + "x".repeat(2000));

        assertThat(first).matches("[A-Za-z0-9]{" + TokenCache.TOKEN_LENGTH + "}").isNotEqualTo(second);
        assertThat(cache.get(first)).hasValueSatisfying(q -> assertThat(q).startsWith("vision transformer"));
    }

    @Test
    void forgetsTheLeastRecentlyUsedBeyondItsCapacity() {
        String a = cache.put("a");
        String b = cache.put("b");
        cache.get(a);

        String c = cache.put("c");

        assertThat(cache.get(b)).isEmpty();
        assertThat(cache.get(a)).contains("a");
        assertThat(cache.get(c)).contains("c");
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void forgetsValuesOlderThanTheirAgeAndUnknownTokens() {
        String a = cache.put("a");
        clock.advance(Duration.ofMinutes(60));
        assertThat(cache.get(a)).contains("a");

        clock.advance(Duration.ofSeconds(1));

        assertThat(cache.get(a)).isEmpty();
        assertThat(cache.get("nonsense")).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void needsRoomForOneValue() {
        assertThatThrownBy(() -> new TokenCache<String>(0, Duration.ofHours(1), clock))
                .hasMessageContaining("capacity must be positive");
    }
}
