package dev.paperboy.core.command;

import java.util.List;

/** Plain information or a confirmation: a title line and the lines under it (help, topics, status, reload). */
public record TextReply(String title, List<String> lines) implements Reply {

    public TextReply {
        lines = List.copyOf(lines);
    }

    public static TextReply of(String title, String... lines) {
        return new TextReply(title, List.of(lines));
    }
}
