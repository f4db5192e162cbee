package dev.paperboy.core.command;

import java.util.Objects;

/** Something the user asked for could not be done: one clear sentence of what was wrong and what to type instead. */
public record ErrorReply(String message) implements Reply {

    public ErrorReply {
        Objects.requireNonNull(message, "message");
    }
}
