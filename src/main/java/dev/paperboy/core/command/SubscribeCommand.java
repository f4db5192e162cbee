package dev.paperboy.core.command;

import dev.paperboy.core.Library;
import dev.paperboy.core.LiveLibrary;
import dev.paperboy.core.SearchIndex;
import dev.paperboy.core.SearchRequest;
import dev.paperboy.core.delivery.Subscription;
import dev.paperboy.core.delivery.SubscriptionFilter;
import dev.paperboy.core.delivery.Subscriptions;
import dev.paperboy.core.delivery.Target;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /subscribe <topic | query> [at HH:mm] [tz Zone] [since YYYY-MM-DD]}: this chat gets the new papers
 * every day; {@code since} asks for older papers than the delivery window in the first delivery.
 */
final class SubscribeCommand implements Command {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");
    private static final String EXAMPLE = "/subscribe Vision Transformer at 08:30 tz Europe/Berlin";
    /** How far back {@code since} may reach: a first delivery of more would flood the chat. */
    private static final int MAX_SINCE_DAYS = 90;

    private final Subscriptions subscriptions;
    private final LiveLibrary library;
    private final SearchIndex search;

    SubscribeCommand(Subscriptions subscriptions, LiveLibrary library, SearchIndex search) {
        this.subscriptions = subscriptions;
        this.library = library;
        this.search = search;
    }

    @Override
    public String name() {
        return "subscribe";
    }

    @Override
    public String description() {
        return "Get a topic's or a search's new papers here every day, e.g. Vision Transformer at 08:00";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(new CommandOption("what", "A topic name, or a search such as diffusion au:smith", true,
                        CommandOption.Kind.TOPIC),
                new CommandOption("at", "Local delivery time, HH:mm (default " + subscriptions.defaultTime() + ")", false,
                        CommandOption.Kind.TEXT),
                new CommandOption("tz", "Timezone such as Europe/Berlin (default " + subscriptions.defaultZone().getId()
                        + ")", false, CommandOption.Kind.TEXT),
                new CommandOption("since", "Also send older papers, from this date (YYYY-MM-DD, at most "
                        + MAX_SINCE_DAYS + " days back)", false, CommandOption.Kind.TEXT));
    }

    @Override
    public String usage() {
        return "/subscribe <topic | search> [at HH:mm] [tz Zone] [since YYYY-MM-DD]";
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
        List<String> words = new ArrayList<>(Arrays.asList(request.arguments().split("\\s+")));
        words.removeIf(String::isEmpty);
        LocalTime time = subscriptions.defaultTime();
        ZoneId zone = subscriptions.defaultZone();
        String sinceText = null;
        while (words.size() >= 2) {
            String keyword = words.get(words.size() - 2).toLowerCase(java.util.Locale.ROOT);
            String value = words.get(words.size() - 1);
            if (keyword.equals("at")) {
                try {
                    time = LocalTime.parse(value, TIME);
                } catch (DateTimeParseException e) {
                    return new ErrorReply("\"" + TypedText.shown(value, 40) + "\" is not a time of day. Type it as HH:mm, "
                            + "for example: " + EXAMPLE);
                }
            } else if (keyword.equals("tz")) {
                try {
                    zone = ZoneId.of(value);
                } catch (DateTimeException e) {
                    return new ErrorReply("\"" + TypedText.shown(value, 40) + "\" is not a timezone I know. Use an IANA name such "
                            + "as Europe/Berlin, America/New_York, Asia/Tokyo or UTC, for example: " + EXAMPLE);
                }
            } else if (keyword.equals("since")) {
                sinceText = value;
            } else {
                break;
            }
            words.subList(words.size() - 2, words.size()).clear();
        }
        LocalDate since = null;
        if (sinceText != null) {
            try {
                since = LocalDate.parse(sinceText);
            } catch (DateTimeParseException e) {
                return new ErrorReply("\"" + TypedText.shown(sinceText, 40) + "\" is not a date. Type it as YYYY-MM-DD, "
                        + "for example: /subscribe Vision Transformer since 2026-01-15");
            }
            LocalDate today = subscriptions.today(zone);
            if (since.isAfter(today)) {
                return new ErrorReply("Since " + since + " is in the future; give a past date, at most "
                        + MAX_SINCE_DAYS + " days back (" + today.minusDays(MAX_SINCE_DAYS) + " or later).");
            }
            if (since.isBefore(today.minusDays(MAX_SINCE_DAYS))) {
                return new ErrorReply("Since " + since + " is too far back: a first delivery reaches at most "
                        + MAX_SINCE_DAYS + " days back, so " + today.minusDays(MAX_SINCE_DAYS) + " or later. For older "
                        + "papers, use /search with after:" + since + ".");
            }
            if (!since.isBefore(today.minusDays(subscriptions.windowDays()))) {
                since = null; // within the window anyway
            }
        }
        String what = String.join(" ", words);
        if (what.isEmpty()) {
            return new ErrorReply("Say what to subscribe to: a topic (see /topics) or a search. For example: "
                    + EXAMPLE + ", or /subscribe diffusion au:ho");
        }
        if (what.length() > SubscriptionFilter.MAX_LENGTH) {
            return new ErrorReply("That search is too long to keep (" + what.length() + " characters; at most "
                    + SubscriptionFilter.MAX_LENGTH + "). Shorten it and try again.");
        }
        Library snapshot = library.current();
        Optional<String> topic = snapshot.findTopic(what);
        SubscriptionFilter filter = topic.map(SubscriptionFilter::topic).orElseGet(() -> SubscriptionFilter.query(what));
        Target target = SubscriptionText.target(caller);
        List<Subscription> existing = subscriptions.of(target);
        for (int i = 0; i < existing.size(); i++) {
            Subscription same = existing.get(i);
            if (same.filter().equals(filter)) {
                if (same.time().equals(time) && same.zone().equals(zone) && Objects.equals(same.since(), since)) {
                    // Typing it twice (a retry, a double tap) is not a mistake: same answer, nothing changes.
                    return confirmation(same, i + 1, topic.isPresent(), what);
                }
                return new ErrorReply("This chat already has that subscription (number " + (i + 1) + "): "
                        + same.describe() + ". To change it, /unsubscribe " + (i + 1) + " and subscribe again.");
            }
        }
        if (existing.size() >= Subscriptions.MAX_PER_TARGET) {
            return new ErrorReply("This chat has " + existing.size() + " subscriptions, the most it can have. "
                    + "Remove one with /unsubscribe <n> first.");
        }
        Subscription added = subscriptions.add(target, filter, time, zone, since, caller.userId());
        return confirmation(added, existing.size() + 1, topic.isPresent(), what);
    }

    private TextReply confirmation(Subscription subscription, int number, boolean isTopic, String what) {
        List<String> lines = new ArrayList<>();
        lines.add("First delivery: " + SubscriptionText.when(subscriptions.nextRun(subscription)) + " "
                + subscription.zone().getId() + ", with the matching papers "
                + (subscription.since() != null ? "since " + subscription.since()
                        : "of the last " + subscriptions.windowDays() + " days")
                + " that this chat has not had. Days with nothing new send nothing.");
        if (!isTopic) {
            long now = search.search(new SearchRequest(what, 1, 1)).total();
            lines.add(now == 0
                    ? "No topic is called that, so this is a saved search, and nothing matches it yet. "
                    + "Type /topics to see the topics."
                    : "No topic is called that, so this is a saved search; " + (now == 1 ? "1 paper matches"
                    : now + " papers match") + " it now.");
        }
        lines.add("Type /subscriptions to see this chat's subscriptions, /unsubscribe " + number + " to stop this one.");
        return new TextReply("Subscribed: " + subscription.describe() + ", every day.", lines);
    }
}
