package dev.paperboy.core.command;

import dev.paperboy.core.Library;
import dev.paperboy.core.LiveLibrary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code /status} (admins): what is loaded, from where, and how the last reload went. */
final class StatusCommand implements Command {

    private final LiveLibrary library;
    private final Clock clock;
    private final Instant started;

    StatusCommand(LiveLibrary library, Clock clock) {
        this.library = library;
        this.clock = clock;
        this.started = clock.instant();
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String description() {
        return "What is loaded and how the last reload went";
    }

    @Override
    public List<CommandOption> options() {
        return List.of();
    }

    @Override
    public boolean adminOnly() {
        return true;
    }

    @Override
    public Reply execute(CommandRequest request, Caller caller) {
        Library snapshot = library.current();
        List<String> lines = new ArrayList<>();
        lines.add("Content: " + library.describeSource());
        lines.add("Library: " + snapshot.topics().size() + " topics, " + snapshot.digests().size() + " digests, "
                + snapshot.paperCount() + " papers");
        lines.add("Up for " + human(Duration.between(started, clock.instant())));
        library.lastReload().ifPresentOrElse(last -> lines.add("Last reload: " + last.at() + ", "
                        + (last.result().applied() ? "applied (" + last.result().changes().summary() + ")"
                        : "refused with " + last.result().problems().size() + " problem(s); run /reload to see them")),
                () -> lines.add("Last reload: none yet"));
        return new TextReply("Paperboy status", lines);
    }

    private static String human(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes < 1) {
            return duration.toSeconds() + " s";
        }
        if (minutes < 120) {
            return minutes + " min";
        }
        return duration.toHours() + " h " + duration.toMinutesPart() + " min";
    }
}
