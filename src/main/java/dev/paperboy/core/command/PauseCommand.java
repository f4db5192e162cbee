package dev.paperboy.core.command;

import dev.paperboy.core.delivery.Subscription;
import dev.paperboy.core.delivery.Subscriptions;
import java.util.List;
import java.util.Optional;

/**
 * {@code /pause [n]} and {@code /resume [n]}: stop or restart deliveries to this chat without losing the
 * subscriptions. One class, two registrations, because they differ only in direction.
 */
final class PauseCommand implements Command {

    private final Subscriptions subscriptions;
    private final boolean pause;

    PauseCommand(Subscriptions subscriptions, boolean pause) {
        this.subscriptions = subscriptions;
        this.pause = pause;
    }

    @Override
    public String name() {
        return pause ? "pause" : "resume";
    }

    @Override
    public String description() {
        return pause ? "Pause this chat's deliveries (all, or one by number) until /resume"
                : "Resume this chat's paused deliveries (all, or one by number)";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(new CommandOption("which", "The number from /subscriptions; all when left out", false,
                CommandOption.Kind.TEXT));
    }

    @Override
    public boolean chatAdminOnly() {
        return true;
    }

    @Override
    public Reply execute(CommandRequest request, Caller caller) {
        if (!caller.chatAdmin()) {
            return SubscriptionText.notAllowed(name());
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
        if (pause) {
            subscriptions.pause(chosen.get());
            return TextReply.of("Paused " + count(chosen.get()) + ".",
                    "Nothing more is sent until /resume; messages that were waiting are dropped.");
        }
        subscriptions.resume(chosen.get());
        return TextReply.of("Resumed " + count(chosen.get()) + ".",
                "The next delivery brings the matching papers this chat has not had, from the last "
                        + subscriptions.windowDays() + " days.");
    }

    private static String count(List<Subscription> chosen) {
        return chosen.size() == 1 ? chosen.get(0).describe() : "all " + chosen.size() + " subscriptions of this chat";
    }
}
