package dev.paperboy.core.command;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for command and topic names a user mistyped. */
final class Suggestions {

    private Suggestions() {
    }

    /** The closest candidate when it is close enough to be a plausible typo. */
    static Optional<String> closest(String typed, Collection<String> candidates) {
        String wanted = typed.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .filter(c -> c.toLowerCase(Locale.ROOT).contains(wanted)
                        || distance(c.toLowerCase(Locale.ROOT), wanted) <= Math.max(2, wanted.length() / 4))
                .min(Comparator.comparingInt(c -> distance(c.toLowerCase(Locale.ROOT), wanted)));
    }

    /** Levenshtein distance, capped for long inputs so a 2,000-character argument stays cheap. */
    static int distance(String a, String b) {
        if (a.length() > 64 || b.length() > 64) {
            return a.equals(b) ? 0 : Integer.MAX_VALUE / 2;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
