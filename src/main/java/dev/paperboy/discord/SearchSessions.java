package dev.paperboy.discord;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The searches behind paging buttons: a short random token in the button id stands for the query, so a
 * 2000-character query still fits Discord's 100-character custom id. Bounded in size and age; a token
 * that fell out (or predates a restart) is simply unknown.
 */
final class SearchSessions {

    private static final char[] ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789".toCharArray();

    private final int capacity;
    private final Duration maxAge;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

    private record Entry(String query, Instant created) {
    }

    SearchSessions(int capacity, Duration maxAge, Clock clock) {
        this.capacity = capacity;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    synchronized String remember(String query) {
        String token;
        do {
            StringBuilder b = new StringBuilder(10);
            for (int i = 0; i < 10; i++) {
                b.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            token = b.toString();
        } while (entries.containsKey(token));
        entries.put(token, new Entry(query, clock.instant()));
        while (entries.size() > capacity) {
            String eldest = entries.keySet().iterator().next();
            entries.remove(eldest);
        }
        return token;
    }

    synchronized Optional<String> query(String token) {
        Entry entry = entries.get(token);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.created().plus(maxAge).isBefore(clock.instant())) {
            entries.remove(token);
            return Optional.empty();
        }
        return Optional.of(entry.query());
    }

    synchronized int size() {
        return entries.size();
    }

    /** For tests: forgets every search, as a restart would. */
    synchronized void clear() {
        entries.clear();
    }

    static Map.Entry<String, Integer> parseButton(String id) {
        // pb:s:<token>:<page>
        String[] parts = id.split(":");
        if (parts.length != 4 || !parts[0].equals("pb") || !parts[1].equals("s") || !parts[3].matches("\\d{1,6}")) {
            return null;
        }
        return Map.entry(parts[2], Integer.parseInt(parts[3]));
    }

    static String buttonId(String token, int page) {
        return "pb:s:" + token + ":" + page;
    }
}
