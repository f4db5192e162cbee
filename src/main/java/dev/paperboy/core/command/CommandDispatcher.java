package dev.paperboy.core.command;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a typed line such as {@code /search@PaperboyBot vision transformer} into a reply: finds the
 * command, checks admin rights, and makes sure that nothing a user types escapes as an exception.
 */
public final class CommandDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(CommandDispatcher.class);

    private final CommandRegistry registry;

    public CommandDispatcher(CommandRegistry registry) {
        this.registry = registry;
    }

    public CommandRegistry registry() {
        return registry;
    }

    /**
     * Parses a line of text. Empty when the line is not a command, or is addressed to another bot
     * ({@code /search@OtherBot}); {@code botName} may be null where mentions do not apply.
     */
    public static Optional<CommandRequest> parse(String line, String botName) {
        String text = line == null ? "" : line.strip();
        if (!text.startsWith("/") || text.length() == 1) {
            return Optional.empty();
        }
        int space = indexOfWhitespace(text);
        String head = space < 0 ? text.substring(1) : text.substring(1, space);
        String arguments = space < 0 ? "" : text.substring(space + 1);
        int at = head.indexOf('@');
        if (at >= 0) {
            String addressee = head.substring(at + 1);
            if (botName != null && !addressee.equalsIgnoreCase(botName)) {
                return Optional.empty();
            }
            head = head.substring(0, at);
        }
        return Optional.of(new CommandRequest(head.toLowerCase(Locale.ROOT), arguments));
    }

    /** Runs a parsed request for the caller; always returns a reply. */
    public Reply dispatch(CommandRequest request, Caller caller) {
        Optional<Command> found = registry.find(request.name());
        if (found.isEmpty()) {
            return unknown(request.name(), caller);
        }
        Command command = found.get();
        if (command.adminOnly() && !caller.admin()) {
            return new ErrorReply("/" + command.name() + " is for admins only. Ask an admin of this bot "
                    + "to run it, or type /help to see what you can do.");
        }
        try {
            return command.execute(request, caller);
        } catch (RuntimeException e) {
            LOG.error("/{} failed for {} in {} {}", command.name(), caller.userId(), caller.platform(),
                    caller.chatId(), e);
            return new ErrorReply("Sorry, /" + command.name() + " failed on my side. Please try again in a "
                    + "moment; if it keeps failing, an admin will find the details in the log.");
        }
    }

    private Reply unknown(String name, Caller caller) {
        String suggestion = registry.all().stream()
                .filter(c -> !c.adminOnly() || caller.admin())
                .min(Comparator.comparingInt(c -> Suggestions.distance(c.name(), name)))
                .filter(c -> Suggestions.distance(c.name(), name) <= 2)
                .map(c -> " Did you mean " + c.usage() + "?")
                .orElse("");
        String shown = TypedText.shown(name, 40);
        return new ErrorReply("I don't know the command /" + shown + "." + suggestion
                + " Type /help to see all commands.");
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
