package dev.paperboy.core.command;

import dev.paperboy.core.Library;
import dev.paperboy.core.LiveLibrary;
import dev.paperboy.core.StatusContributor;
import dev.paperboy.core.delivery.DeliveryCounts;
import dev.paperboy.core.delivery.Subscription;
import dev.paperboy.core.delivery.Subscriptions;
import dev.paperboy.core.render.PlainText;
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
    private final Subscriptions subscriptions;
    private final List<StatusContributor> contributors;

    /**
     * {@code subscriptions} may be null where there is no delivery (tools, tests); {@code contributors} add
     * their own lines (the arXiv fetch, for one) after the core's.
     */
    StatusCommand(LiveLibrary library, Clock clock, Subscriptions subscriptions, List<StatusContributor> contributors) {
        this.library = library;
        this.clock = clock;
        this.subscriptions = subscriptions;
        this.contributors = List.copyOf(contributors);
        this.started = clock.instant();
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String description() {
        return "What is loaded, how the last reload went, and how delivery is doing";
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
        lines.add("Library: " + PlainText.count(snapshot.topicNames().size(), "topic") + ", "
                + PlainText.count(snapshot.digests().size(), "digest") + ", "
                + PlainText.count(snapshot.paperCount(), "paper"));
        lines.add("Up for " + human(Duration.between(started, clock.instant())));
        library.lastReload().ifPresentOrElse(last -> lines.add("Last reload: " + last.at() + ", "
                        + (last.result().applied() ? "applied (" + last.result().changes().summary() + ")"
                        : "refused with " + PlainText.count(last.result().problems().size(), "problem")
                        + "; run /reload to see them")),
                () -> lines.add("Last reload: none yet"));
        if (subscriptions != null) {
            addDelivery(lines, caller);
        }
        for (StatusContributor contributor : contributors) {
            try {
                lines.addAll(contributor.statusLines());
            } catch (RuntimeException e) {
                // A broken part must not take /status down with it: status is how admins find it.
                lines.add("(" + contributor.getClass().getSimpleName() + " could not report: " + e.getMessage() + ")");
            }
        }
        return new TextReply("Paperboy status", lines);
    }

    private void addDelivery(List<String> lines, Caller caller) {
        DeliveryCounts counts = subscriptions.counts();
        lines.add("Delivery: " + counts.subscriptions() + " subscriptions in " + counts.targets() + " chats ("
                + counts.paused() + " paused), " + counts.waitingMessages() + " messages waiting to be sent");
        List<Subscription> here = subscriptions.of(SubscriptionText.target(caller));
        if (here.isEmpty()) {
            lines.add("This chat: no subscriptions");
            return;
        }
        lines.add("This chat:");
        for (int i = 0; i < here.size(); i++) {
            lines.add(SubscriptionText.line(i + 1, here.get(i), subscriptions));
        }
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
