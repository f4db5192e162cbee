package dev.paperboy.core.command;

import java.util.Objects;

/**
 * A parsed command: its name (lower case, without the slash), the rest of the line, and the result
 * page asked for (1 unless the user is paging).
 */
public record CommandRequest(String name, String arguments, int page) {

    public CommandRequest {
        Objects.requireNonNull(name, "name");
        arguments = arguments == null ? "" : arguments.strip();
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more: " + page);
        }
    }

    public CommandRequest(String name, String arguments) {
        this(name, arguments, 1);
    }
}
