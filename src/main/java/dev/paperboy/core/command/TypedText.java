package dev.paperboy.core.command;

import dev.paperboy.core.render.PlainText;

/**
 * Echoes what a user typed back in a reply, cut short so a pasted essay does not flood the chat. Every
 * reply and renderer that repeats a search query goes through {@link #query}, so the echo is the same
 * everywhere and fits any platform's limits once escaped.
 */
public final class TypedText {

    /** How many characters of a search query a reply repeats before cutting it short. */
    public static final int QUERY_SHOWN = 80;

    private TypedText() {
    }

    /** The text when it has at most {@code max} characters, else its first {@code max} and an ellipsis. */
    public static String shown(String typed, int max) {
        if (typed.length() <= max) {
            return typed;
        }
        // Never cut between the halves of a surrogate pair (an emoji).
        int cut = Character.isHighSurrogate(typed.charAt(max - 1)) ? max - 1 : max;
        return typed.substring(0, cut) + PlainText.ELLIPSIS;
    }

    /** A search query as replies repeat it: on one line, control characters removed, cut to {@link #QUERY_SHOWN}. */
    public static String query(String typed) {
        return shown(PlainText.oneLine(typed), QUERY_SHOWN);
    }
}
