package dev.paperboy.core.command;

import dev.paperboy.core.delivery.Subscription;
import dev.paperboy.core.delivery.Subscriptions;
import java.util.ArrayList;
import java.util.List;

/** {@code /subscriptions}: this chat's subscriptions, numbered, with their last and next delivery. */
final class SubscriptionsCommand implements Command {

    private final Subscriptions subscriptions;

    SubscriptionsCommand(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public String name() {
        return "subscriptions";
    }

    @Override
    public String description() {
        return "This chat's subscriptions, with their last and next delivery";
    }

    @Override
    public List<CommandOption> options() {
        return List.of();
    }

    @Override
    public Reply execute(CommandRequest request, Caller caller) {
        List<Subscription> all = subscriptions.of(SubscriptionText.target(caller));
        if (all.isEmpty()) {
            return TextReply.of("This chat has no subscriptions.",
                    "Start one with /subscribe <topic or search> [at HH:mm] [tz Zone], for example: "
                            + "/subscribe Vision Transformer at 08:00");
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            lines.add(SubscriptionText.line(i + 1, all.get(i), subscriptions));
        }
        lines.add("Times are each subscription's own timezone. /unsubscribe <n>, /pause and /resume change them.");
        return new TextReply("Subscriptions of this chat (" + all.size() + ")", lines);
    }
}
