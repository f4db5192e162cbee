package dev.paperboy.discord;

import java.util.Objects;

/** Checks shared by the Discord message records, so each states its limits in one line. */
final class DiscordLimits {

    private DiscordLimits() {
    }

    static void requireText(String what, String text, int max) {
        Objects.requireNonNull(text, what);
        requireOptional(what, text, max);
    }

    /** Null means absent; present text must be non-blank (Discord rejects empty strings) and short enough. */
    static void requireOptional(String what, String text, int max) {
        if (text == null) {
            return;
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException("a Discord " + what + " must not be blank");
        }
        if (text.length() > max) {
            throw new IllegalArgumentException(
                    "a Discord " + what + " has at most " + max + " characters, this one " + text.length());
        }
    }
}
