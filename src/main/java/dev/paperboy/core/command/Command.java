package dev.paperboy.core.command;

import java.util.List;

/**
 * One thing a user can ask Paperboy, written once for every platform. Adding a command is one class
 * implementing this and one line in {@link CommandRegistry#standard}.
 */
public interface Command {

    /** The name users type after the slash: 1-32 of {@code [a-z0-9_]}. */
    String name();

    /** One line, at most 100 characters, shown in help and in platform command menus. */
    String description();

    /** The arguments, in the order the text form takes them. */
    List<CommandOption> options();

    /** Whether only admins may run it. */
    default boolean adminOnly() {
        return false;
    }

    /**
     * Whether only those who may manage this chat's subscriptions ({@link Caller#chatAdmin()}) may run
     * it; in a group others get a refusal. Adapters may use this to hide it from other members.
     */
    default boolean chatAdminOnly() {
        return false;
    }

    /** Runs the command. Bad arguments are answered with an {@link ErrorReply}, never an exception. */
    Reply execute(CommandRequest request, Caller caller);

    /** How to type it, for example {@code /digest <date> [topic]}. */
    default String usage() {
        StringBuilder usage = new StringBuilder("/").append(name());
        for (CommandOption option : options()) {
            usage.append(' ').append(option.required() ? "<" : "[").append(option.name())
                    .append(option.required() ? ">" : "]");
        }
        return usage.toString();
    }
}
