package dev.paperboy.core.command;

import dev.paperboy.core.Digest;
import dev.paperboy.core.Library;
import dev.paperboy.core.LiveLibrary;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code /digest <date> [topic]}: the digests of one day. */
final class DigestCommand implements Command {

    private final LiveLibrary library;
    private final Clock clock;
    private final ZoneId zone;

    DigestCommand(LiveLibrary library, Clock clock, ZoneId zone) {
        this.library = library;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "digest";
    }

    @Override
    public String description() {
        return "The digest of one day (YYYY-MM-DD, today or yesterday), of one topic or of all";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(
                new CommandOption("date", "The day, as YYYY-MM-DD, today or yesterday", true, CommandOption.Kind.DATE),
                new CommandOption("topic", "A topic, e.g. Vision Transformer (see /topics)", false,
                        CommandOption.Kind.TOPIC));
    }

    @Override
    public Reply execute(CommandRequest request, Caller caller) {
        String[] parts = request.arguments().split("\\s+", 2);
        if (parts[0].isEmpty()) {
            return new ErrorReply("Tell me which day: /digest 2022-11-15, optionally followed by a topic.");
        }
        Optional<LocalDate> date = parseDate(parts[0]);
        if (date.isEmpty()) {
            String shown = TypedText.shown(parts[0], 30);
            return new ErrorReply("\"" + shown + "\" is not a date. Type it as YYYY-MM-DD, for example "
                    + "/digest 2022-11-15 (or use today / yesterday).");
        }
        Library snapshot = library.current();
        if (snapshot.digests().isEmpty()) {
            return TopicLookup.emptyLibrary();
        }
        String topic = null;
        if (parts.length > 1 && !parts[1].isBlank()) {
            Optional<String> found = snapshot.findTopic(parts[1]);
            if (found.isEmpty()) {
                return TopicLookup.unknownTopic(snapshot, parts[1].strip());
            }
            topic = found.get();
        }
        List<Digest> digests = snapshot.digestsOn(date.get(), topic);
        if (!digests.isEmpty()) {
            return new DigestReply(digests);
        }
        List<Digest> candidates = topic == null ? snapshot.digests() : snapshot.digestsOf(topic);
        String nearest = candidates.stream().map(Digest::date).distinct()
                .sorted(Comparator.comparingLong(d -> Math.abs(d.toEpochDay() - date.get().toEpochDay())))
                .limit(3).sorted().map(LocalDate::toString).collect(Collectors.joining(", "));
        return new ErrorReply("There is no digest on " + date.get() + (topic == null ? "" : " for \"" + topic + "\"")
                + ". The nearest days with one: " + nearest + ".");
    }

    private Optional<LocalDate> parseDate(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (lower.equals("today")) {
            return Optional.of(today);
        }
        if (lower.equals("yesterday")) {
            return Optional.of(today.minusDays(1));
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
