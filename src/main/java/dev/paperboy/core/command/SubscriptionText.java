package dev.paperboy.core.command;

import dev.paperboy.core.delivery.Subscription;
import dev.paperboy.core.delivery.Subscriptions;
import dev.paperboy.core.delivery.Target;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** What the subscription commands share: whose chat a command is about, numbering, and how a subscription reads. */
final class SubscriptionText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private SubscriptionText() {
    }

    /**
     * The target a command acts on: the chat it was typed in. The one place to change when an adapter
     * lets users name another channel or a thread.
     */
    static Target target(Caller caller) {
        return Target.chat(caller.platform(), caller.chatId());
    }

    static ErrorReply notAllowed(String command) {
        return new ErrorReply("Only admins of this chat can " + command + " its subscriptions. Ask one of them, "
                + "or type /subscriptions to see what this chat gets.");
    }

    static ErrorReply none() {
        return new ErrorReply("This chat has no subscriptions. Start one with /subscribe <topic or search>, for "
                + "example: /subscribe Vision Transformer at 08:00");
    }

    /**
     * The subscriptions a {@code [n | all]} argument names: all of them for an empty argument or
     * {@code all}, else the one with that number; empty with {@code error} set otherwise.
     */
    static Optional<List<Subscription>> select(List<Subscription> all, String argument, String command,
                                               ErrorReply[] error) {
        String text = argument.strip();
        if (text.isEmpty() || text.equalsIgnoreCase("all")) {
            return Optional.of(all);
        }
        int n;
        try {
            n = Integer.parseInt(text.startsWith("#") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            error[0] = new ErrorReply("Type the number of a subscription or \"all\", for example: /" + command
                    + " 1 (numbers as /subscriptions shows them).");
            return Optional.empty();
        }
        if (n < 1 || n > all.size()) {
            error[0] = new ErrorReply("There is no subscription " + n + " here; this chat has " + all.size()
                    + ". Type /subscriptions to see them with their numbers.");
            return Optional.empty();
        }
        return Optional.of(List.of(all.get(n - 1)));
    }

    /** {@code 1. Vision Transformer at 08:00 Europe/Berlin: last 2026-11-27 3 papers in 3 messages; next …}. */
    static String line(int number, Subscription s, Subscriptions subscriptions) {
        StringBuilder line = new StringBuilder().append(number).append(". ").append(s.describe());
        if (s.paused()) {
            line.append(" (paused").append(s.pausedReason() == null ? "" : " by the bot: " + s.pausedReason())
                    .append(")");
        }
        line.append(": last ");
        if (s.lastRunAt() == null) {
            line.append("none yet");
        } else {
            line.append(WHEN.format(s.lastRunAt().atZone(s.zone()))).append(", ").append(s.lastOutcome());
        }
        if (!s.paused()) {
            line.append("; next ").append(when(subscriptions.nextRun(s)));
        }
        return line.toString();
    }

    static String when(java.time.temporal.TemporalAccessor at) {
        return WHEN.format(at);
    }
}
