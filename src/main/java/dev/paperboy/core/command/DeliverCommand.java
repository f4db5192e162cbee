package dev.paperboy.core.command;

import dev.paperboy.core.delivery.PlannedRun;
import dev.paperboy.core.delivery.Subscription;
import dev.paperboy.core.delivery.Subscriptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /deliver now [n]} (admins): runs this chat's subscriptions at once, to test them. Papers the
 * chat already had are still left out, and the daily schedule is not changed.
 */
final class DeliverCommand implements Command {

    private final Subscriptions subscriptions;

    DeliverCommand(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public String name() {
        return "deliver";
    }

    @Override
    public String description() {
        return "Deliver this chat's subscriptions now, to test them: /deliver now [n]";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(new CommandOption("when", "now", true, CommandOption.Kind.TEXT),
                new CommandOption("which", "The number from /subscriptions; all when left out", false,
                        CommandOption.Kind.TEXT));
    }

    @Override
    public boolean adminOnly() {
        return true;
    }

    @Override
    public Reply execute(CommandRequest request, Caller caller) {
        String[] words = request.arguments().split("\\s+", 2);
        if (!words[0].equalsIgnoreCase("now")) {
            return new ErrorReply("Type /deliver now to deliver all of this chat's subscriptions at once, or "
                    + "/deliver now 2 for the second one.");
        }
        List<Subscription> all = subscriptions.of(SubscriptionText.target(caller));
        if (all.isEmpty()) {
            return SubscriptionText.none();
        }
        ErrorReply[] error = new ErrorReply[1];
        Optional<List<Subscription>> chosen = SubscriptionText.select(all, words.length > 1 ? words[1] : "", "deliver now",
                error);
        if (chosen.isEmpty()) {
            return error[0];
        }
        List<String> lines = new ArrayList<>();
        for (Subscription s : chosen.get()) {
            PlannedRun run = subscriptions.deliverNow(s);
            lines.add(s.describe() + ": " + (run == null ? "not delivered, its platform is not running" : run.outcome()));
        }
        return new TextReply("Delivering now", lines);
    }
}
