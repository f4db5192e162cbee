package dev.paperboy.core;

import java.util.Locale;

/** How topic names compare: case-insensitive, with runs of spaces, dashes and underscores treated alike. */
public final class Topics {

    private Topics() {
    }

    /** The form two topic names share when they name the same topic. */
    public static String normalise(String topic) {
        return topic.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", " ");
    }
}
