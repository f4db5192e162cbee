package dev.paperboy.core.command;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * Values behind short random tokens, for buttons whose payload is too small for what they stand for
 * (Telegram's 64-byte callback data, Discord's custom ids): a search's query, a command to page. Holds
 * at most {@code capacity} values, the least recently used going first, each for {@code maxAge}; a
 * restart forgets them all, and a button then gets "expired" rather than a wrong answer.
 *
 * @param <V> what a token stands for
 */
public final class TokenCache<V> {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    /** 62^10 tokens: not guessable, and short enough for any button. */
    public static final int TOKEN_LENGTH = 10;

    private record Entry<V>(V value, Instant stored) {
    }

    private final int capacity;
    private final Duration maxAge;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final LinkedHashMap<String, Entry<V>> entries = new LinkedHashMap<>(16, 0.75f, true);

    public TokenCache(int capacity, Duration maxAge, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** Keeps the value and returns a new token for it. */
    public synchronized String put(V value) {
        String token;
        do {
            token = newToken();
        } while (entries.containsKey(token));
        entries.put(token, new Entry<>(value, clock.instant()));
        while (entries.size() > capacity) {
            entries.remove(entries.keySet().iterator().next());
        }
        return token;
    }

    /** The value of a token, or empty when the token is unknown, evicted or too old. */
    public synchronized Optional<V> get(String token) {
        Entry<V> entry = entries.get(token);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.stored().plus(maxAge).isBefore(clock.instant())) {
            entries.remove(token);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    public synchronized int size() {
        return entries.size();
    }

    /** Forgets every value, as a restart does. */
    public synchronized void clear() {
        entries.clear();
    }

    private String newToken() {
        char[] token = new char[TOKEN_LENGTH];
        for (int i = 0; i < token.length; i++) {
            token[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(token);
    }
}
