package dev.paperboy.core.command;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** {@code /help}: what Paperboy can do, with the admin commands shown to admins only. */
final class HelpCommand implements Command {

    private final Supplier<List<Command>> commands;

    HelpCommand(Supplier<List<Command>> commands) {
        this.commands = commands;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String description() {
        return "What Paperboy can do";
    }

    @Override
    public List<CommandOption> options() {
        return List.of();
    }

    @Override
    public Reply execute(CommandRequest request, Caller caller) {
        List<String> lines = new ArrayList<>();
        for (Command command : commands.get()) {
            if (!command.adminOnly() || caller.admin()) {
                lines.add(command.usage() + " — " + command.description()
                        + (command.adminOnly() ? " (admins)" : ""));
            }
        }
        lines.add("Search syntax: \"exact phrase\", -exclude, OR, au:name, ti:word, cat:cs.CV, after:2025-01-01.");
        return new TextReply("Paperboy: daily research papers, searchable", lines);
    }
}
