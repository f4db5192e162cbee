package dev.paperboy.core.render;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Packs rendered blocks (one per paper, or per abstract piece) into as few messages as their limits
 * allow, in order, never splitting a block: messages break on block boundaries only. Blocks that are
 * too large alone must be shortened by the renderer first.
 */
public final class MessagePacker {

    private MessagePacker() {
    }

    /**
     * Joins consecutive blocks with {@code separator} into strings of at most {@code max} characters.
     *
     * @throws IllegalArgumentException when one block alone is longer than {@code max}
     */
    public static List<String> pack(List<String> blocks, String separator, int max) {
        return pack(blocks, String::length, separator.length(), max, Integer.MAX_VALUE).stream()
                .map(group -> String.join(separator, group))
                .toList();
    }

    /**
     * Groups consecutive items so that each group holds at most {@code maxCount} items whose sizes, plus
     * {@code separatorSize} between neighbours, add up to at most {@code maxSize}.
     *
     * @throws IllegalArgumentException when one item alone is larger than {@code maxSize}
     */
    public static <T> List<List<T>> pack(List<T> items, ToIntFunction<T> size, int separatorSize, int maxSize,
                                         int maxCount) {
        if (maxSize < 1 || maxCount < 1 || separatorSize < 0) {
            throw new IllegalArgumentException("limits must be positive: size " + maxSize + ", count " + maxCount);
        }
        List<List<T>> groups = new ArrayList<>();
        List<T> current = new ArrayList<>();
        long used = 0;
        for (T item : items) {
            int itemSize = size.applyAsInt(item);
            if (itemSize > maxSize) {
                throw new IllegalArgumentException(
                        "a block of " + itemSize + " characters does not fit in a message of " + maxSize);
            }
            long needed = current.isEmpty() ? itemSize : used + separatorSize + itemSize;
            if (!current.isEmpty() && (needed > maxSize || current.size() == maxCount)) {
                groups.add(List.copyOf(current));
                current.clear();
                needed = itemSize;
            }
            current.add(item);
            used = needed;
        }
        if (!current.isEmpty()) {
            groups.add(List.copyOf(current));
        }
        return groups;
    }
}
