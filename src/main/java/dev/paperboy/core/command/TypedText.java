package dev.paperboy.core.command;

import dev.paperboy.core.render.PlainText;

/** Echoes what a user typed back in a reply, cut short so a pasted essay does not flood the chat. */
final class TypedText {

    private TypedText() {
    }

    /** The text when it has at most {@code max} characters, else its first {@code max} and an ellipsis. */
    static String shown(String typed, int max) {
        if (typed.length() <= max) {
            return typed;
        }
        // Never cut between the halves of a surrogate pair (an emoji).
        int cut = Character.isHighSurrogate(typed.charAt(max - 1)) ? max - 1 : max;
        return typed.substring(0, cut) + PlainText.ELLIPSIS;
    }
}
