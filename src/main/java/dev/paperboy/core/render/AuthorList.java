package dev.paperboy.core.render;

import java.util.List;

/** Formats author lists the same way on every platform: "A, B, C, et al." beyond a given number. */
public final class AuthorList {

    private AuthorList() {
    }

    /**
     * The first {@code max} names joined with ", ", followed by ", et al." when there are more; an empty
     * string for no authors.
     */
    public static String format(List<String> authors, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("at least one author must be shown: " + max);
        }
        if (authors.size() <= max) {
            return String.join(", ", authors);
        }
        return String.join(", ", authors.subList(0, max)) + ", et al.";
    }
}
