package dev.paperboy.core.render;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** A list cut short for a reply: the first items, then one line that counts the rest. */
public final class Shortlist {

    private Shortlist() {
    }

    /**
     * The items when there are at most {@code maxLines}; else the first {@code maxLines - 1} and
     * {@code more} of how many are left out, so the result never has more than {@code maxLines} lines.
     */
    public static List<String> of(List<String> items, int maxLines, IntFunction<String> more) {
        if (maxLines < 2) {
            throw new IllegalArgumentException("a shortlist needs room for an item and the count: " + maxLines);
        }
        if (items.size() <= maxLines) {
            return List.copyOf(items);
        }
        List<String> lines = new ArrayList<>(items.subList(0, maxLines - 1));
        lines.add(more.apply(items.size() - lines.size()));
        return lines;
    }
}
