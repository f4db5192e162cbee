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
        return format(authors, max, List.of());
    }

    /**
     * The same, but the authors in {@code shown} (those a search named) are listed even past the first
     * {@code max}, after "…": "A, B, C, …, Quek, et al.".
     */
    public static String format(List<String> authors, int max, List<String> shown) {
        if (max < 1) {
            throw new IllegalArgumentException("at least one author must be shown: " + max);
        }
        if (authors.size() <= max) {
            return String.join(", ", authors);
        }
        List<String> later = authors.subList(max, authors.size()).stream().filter(shown::contains).toList();
        StringBuilder out = new StringBuilder(String.join(", ", authors.subList(0, max)));
        if (!later.isEmpty()) {
            out.append(", …, ").append(String.join(", ", later));
        }
        boolean lastIsShown = !later.isEmpty() && later.get(later.size() - 1).equals(authors.get(authors.size() - 1));
        return lastIsShown ? out.toString() : out.append(", et al.").toString();
    }
}
