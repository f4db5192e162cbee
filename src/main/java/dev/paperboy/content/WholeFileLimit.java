package dev.paperboy.content;

import java.util.Locale;
import java.util.Optional;

/**
 * How large a file read whole may be (a text or JSON digest, a saved arXiv response): far over a day's digest, and
 * small enough that reading and parsing it fits the bot's heap. A JSONL dump is read a line at a time instead.
 */
final class WholeFileLimit {

    static final long MAX_BYTES = 32L << 20;

    private WholeFileLimit() {
    }

    /** Whether the file is a JSONL dump, which is streamed and has no limit. */
    static boolean isDump(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".jsonl") || lower.endsWith(".jsonl.gz");
    }

    /** What is wrong with a file of {@code size} bytes read whole, if it is over the limit. */
    static Optional<String> problem(long size) {
        if (size <= MAX_BYTES) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "the file is %.1f MB, over the %d MB a file read whole may be;"
                + " split it into smaller files, or write its papers as a JSONL dump (.jsonl, one paper a line),"
                + " which has no limit", Math.ceil(size * 10 / 1048576.0) / 10, MAX_BYTES >> 20));
    }
}
