package dev.paperboy.core;

import java.util.Objects;

/** One thing wrong in the content, located as {@code file:line} so an admin can go and fix it. */
public record ContentProblem(String file, int line, String message) {

    public ContentProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must not be negative: " + line);
        }
    }

    @Override
    public String toString() {
        return (line > 0 ? file + ":" + line : file) + ": " + message;
    }
}
