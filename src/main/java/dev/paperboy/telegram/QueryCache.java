package dev.paperboy.telegram;

import dev.paperboy.core.command.CommandRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The commands behind paging buttons, kept in memory under short random tokens so that a button's
 * data stays small whatever the query's length. Bounded in size and age; after a restart every
 * token is unknown, and the adapter answers such a button with a short notice.
 */
final class QueryCache {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final int TOKEN_LENGTH = 10;

    private record Entry(String name, String arguments, Instant stored) {
    }

    private final int capacity;
    private final Duration maxAge;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final LinkedHashMap<String, Entry> entries;

    QueryCache(int capacity, Duration maxAge, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.maxAge = maxAge;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > QueryCache.this.capacity;
            }
        };
    }

    /** Stores the command (its name and arguments; the page is the button's) and returns its token. */
    synchronized String put(CommandRequest request) {
        String token;
        do {
            token = newToken();
        } while (entries.containsKey(token));
        entries.put(token, new Entry(request.name(), request.arguments(), clock.instant()));
        return token;
    }

    /** The command for a token and page, or empty when the token is unknown or too old. */
    synchronized Optional<CommandRequest> get(String token, int page) {
        Entry entry = entries.get(token);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.stored().plus(maxAge).isBefore(clock.instant())) {
            entries.remove(token);
            return Optional.empty();
        }
        return Optional.of(new CommandRequest(entry.name(), entry.arguments(), page));
    }

    synchronized int size() {
        return entries.size();
    }

    private String newToken() {
        char[] token = new char[TOKEN_LENGTH];
        for (int i = 0; i < token.length; i++) {
            token[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(token);
    }
}
