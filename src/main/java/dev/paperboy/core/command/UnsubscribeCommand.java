package dev.paperboy.core.command;

import dev.paperboy.core.delivery.Subscription;
import dev.paperboy.core.delivery.Subscriptions;
import java.util.List;
import java.util.Optional;

/** {@code /unsubscribe <n | all>}: stops subscriptions of this chat; messages not yet sent are dropped. */
final class UnsubscribeCommand implements Command {

    private final Subscriptions subscriptions;

    UnsubscribeCommand(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public String name() {
        return "unsubscribe";
    }

    @Override
    public String description() {
        return "Stop a subscription of this chat, by its number in /subscriptions, or all";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(new CommandOption("which", "The number from /subscriptions, or all", true, CommandOption.Kind.TEXT));
    }

    @Override
    public String usage() {
        return "/unsubscribe <n | all>";
    }

    @Override
    public boolean chatAdminOnly() {
        return true;
    }

    @Override
    public Reply execute(CommandRequest request, Caller caller) {
        if (!caller.chatAdmin()) {
            return SubscriptionText.notAllowed("change");
        }
        if (request.arguments().isBlank()) {
            return new ErrorReply("Say which subscription to stop: /unsubscribe 1 (the number /subscriptions shows), "
                    + "or /unsubscribe all.");
        }
        List<Subscription> all = subscriptions.of(SubscriptionText.target(caller));
        if (all.isEmpty()) {
            return SubscriptionText.none();
        }
        ErrorReply[] error = new ErrorReply[1];
        Optional<List<Subscription>> chosen = SubscriptionText.select(all, request.arguments(), name(), error);
        if (chosen.isEmpty()) {
            return error[0];
        }
        int removed = subscriptions.remove(chosen.get());
        if (chosen.get().size() == 1) {
            return TextReply.of("Unsubscribed: " + chosen.get().get(0).describe() + ".",
                    "Messages of it that were still waiting will not be sent.");
        }
        return TextReply.of("Unsubscribed from all " + removed + " subscriptions of this chat.",
                "Messages that were still waiting will not be sent.");
    }
}
