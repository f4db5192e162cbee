package dev.paperboy.core;

import java.util.Objects;

/**
 * Where a digest came from: the content file, the line its topic starts on, and the page's
 * attribution lines (author, licence) when the file carried them.
 */
public record DigestSource(String file, int line, String attribution) {

    public DigestSource {
        Objects.requireNonNull(file, "file");
        if (line < 0) {
            throw new IllegalArgumentException("line must not be negative: " + line);
        }
        attribution = attribution == null ? "" : attribution.strip();
    }

    /** {@code file:line}, the way errors and status name a place. */
    public String where() {
        return line > 0 ? file + ":" + line : file;
    }
}
