package dev.paperboy.arxiv;

import dev.paperboy.config.PaperboyConfig.Topic;
import dev.paperboy.core.Digest;
import dev.paperboy.core.DigestSource;
import dev.paperboy.core.LiveLibrary;
import dev.paperboy.core.Paper;
import dev.paperboy.core.ReloadResult;
import dev.paperboy.core.render.PlainText;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fetch of every topic: asks arXiv for what is new, keeps the papers that match, stores them as that
 * listing day's digest of the topic, records new versions of papers it already has, and then reloads the
 * library once so the papers are searchable and reach the next delivery run. A topic whose fetch fails
 * stores nothing; the others go on.
 */
public final class ArxivUpdater {

    private static final Logger LOG = LoggerFactory.getLogger(ArxivUpdater.class);
    /** A new topic starts with the last few days, which covers a weekend. */
    private static final Duration FIRST_FETCH = Duration.ofDays(3);
    /** Fetch windows overlap by a day, so a paper the API indexed late is still found; known ones are skipped. */
    private static final Duration OVERLAP = Duration.ofDays(1);
    /** Catching up fetches at most this many results however long Paperboy was down (about 60 pages at 3 s). */
    private static final int MAX_BACKFILL = 6000;

    private final List<Topic> topics;
    private final ArxivSource source;
    private final ArxivStore store;
    private final LiveLibrary library;
    private final Clock clock;
    private volatile ArxivState state;

    /** What one run did: each topic's outcome, and the library reload it triggered, if any. */
    public record RunReport(Map<String, FetchOutcome> outcomes, ReloadResult reload) {
        public RunReport {
            outcomes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
        }
    }

    public ArxivUpdater(List<Topic> topics, ArxivSource source, ArxivStore store, LiveLibrary library, Clock clock) {
        this.topics = List.copyOf(topics);
        this.source = source;
        this.store = store;
        this.library = library;
        this.clock = clock;
        this.state = store.readState();
    }

    public List<Topic> topics() {
        return topics;
    }

    /** The remembered state, as of the last run. */
    public ArxivState state() {
        return state;
    }

    /** Fetches every topic; never throws for a topic's failure, which is recorded in its outcome. */
    public RunReport runAll() {
        return run(topics);
    }

    /** Fetches these topics (for catching up or retrying only some). */
    public synchronized RunReport run(List<Topic> which) {
        Map<String, FetchOutcome> outcomes = new LinkedHashMap<>();
        boolean stored = false;
        for (Topic topic : which) {
            Instant at = clock.instant();
            FetchOutcome outcome;
            try {
                outcome = update(topic, at);
            } catch (FetchFailure e) {
                outcome = new FetchOutcome(at, FetchOutcome.Kind.FAILED, 0, 0, null, e.reason());
            } catch (RuntimeException e) {
                LOG.error("arXiv fetch of topic \"{}\" failed unexpectedly", topic.name(), e);
                outcome = new FetchOutcome(at, FetchOutcome.Kind.FAILED, 0, 0, null,
                        "internal error (" + e + "); see the log");
            }
            log(topic, outcome);
            stored |= outcome.kind() == FetchOutcome.Kind.FETCHED
                    && outcome.newPapers() + outcome.newVersions() > 0;
            outcomes.put(topic.name(), outcome);
            ArxivState.TopicState previous = state.topic(topic.slug());
            state = state.withTopic(topic.slug(), new ArxivState.TopicState(
                    outcome.upToDate() ? outcome.at() : previous.lastSuccess(),
                    outcome.listingDate() != null && outcome.kind() != FetchOutcome.Kind.FAILED
                            ? outcome.listingDate() : previous.lastListing(),
                    outcome));
        }
        ReloadResult reload = null;
        if (stored) {
            reload = library.reload();
            if (!reload.applied()) {
                LOG.warn("arXiv papers are stored in {}, but the library reload was refused ({});"
                        + " they are served after the next successful /reload", store.root(),
                        PlainText.count(reload.problems().size(), "problem"));
            }
        }
        try {
            store.writeState(state);
        } catch (IOException e) {
            LOG.error("Cannot save the arXiv fetch state in {}: {}; the next start fetches again", store.root(),
                    e.getMessage());
        }
        return new RunReport(outcomes, reload);
    }

    private FetchOutcome update(Topic topic, Instant now) throws FetchFailure {
        ArxivState.TopicState memory = state.topic(topic.slug());
        Instant since = memory.lastSuccess() == null ? now.minus(FIRST_FETCH) : memory.lastSuccess().minus(OVERLAP);
        if (topic.query() != null) {
            String query = topic.categories().isEmpty() ? topic.query()
                    : "(" + topic.query() + ") AND (" + categoryQuery(topic.categories()) + ")";
            List<ArxivEntry> entries = source.search(query, since, topic.maxResults());
            LocalDate day = ArxivSchedule.listingDate(now);
            return store(topic, entries, e -> day, since, day, now, false, "");
        } else {
            String url = source.listingUri(topic.categories()).toString();
            ArxivSource.Listing listing = source.listing(topic.categories(), state.validators(url));
            if (listing.notModified()) {
                return new FetchOutcome(now, FetchOutcome.Kind.UNCHANGED, 0, 0, memory.lastListing(),
                        "the listing has not changed since the last fetch (not modified)");
            }
            ArxivFeed feed = listing.feed();
            // Fetched before the validators are kept: if it fails, the next try gets the listing again, not a 304.
            Backfill backfill = backfill(topic, memory.lastListing(), feed.listingDate());
            state = state.withValidators(url, listing.validators());
            if (feed.entries().isEmpty()) {
                if (!backfill.entries().isEmpty()) {
                    FetchOutcome filled = storeWithBackfill(topic, List.of(), since, feed.listingDate(), now,
                            backfill);
                    if (filled.newPapers() + filled.newVersions() > 0) {
                        return filled;
                    }
                }
                return new FetchOutcome(now, FetchOutcome.Kind.QUIET, 0, 0, feed.listingDate(),
                        "no announcement");
            }
            if (feed.listingDate() != null && memory.lastListing() != null
                    && !feed.listingDate().isAfter(memory.lastListing())) {
                return new FetchOutcome(now, FetchOutcome.Kind.UNCHANGED, 0, 0, memory.lastListing(),
                        "the listing of " + feed.listingDate() + " was already fetched; arXiv rebuilds it at midnight"
                                + " US Eastern");
            }
            LocalDate day = feed.listingDate() != null ? feed.listingDate() : ArxivSchedule.listingDate(now);
            return storeWithBackfill(topic, feed.entries(), since, day, now, backfill);
        }
    }

    /**
     * Papers of the listing days missed between the last listing read and this one, from the API: the
     * listing feed only ever shows the newest day. Each is filed under the day arXiv would have listed it.
     *
     * @param from    the start of the submission window asked for, or null when nothing was missed
     * @param summary one sentence for the status, or empty
     */
    private record Backfill(List<ArxivEntry> entries, Map<String, LocalDate> days, Instant from, String summary) {
        static final Backfill NONE = new Backfill(List.of(), Map.of(), null, "");
    }

    private Backfill backfill(Topic topic, LocalDate lastListing, LocalDate listing) throws FetchFailure {
        if (lastListing == null || listing == null) {
            return Backfill.NONE; // a new topic starts with today's listing; an undated one cannot say what was missed
        }
        List<LocalDate> missed = ArxivSchedule.listingsBetween(lastListing, listing);
        if (missed.isEmpty()) {
            return Backfill.NONE;
        }
        Instant from = ArxivSchedule.submissionCutoff(lastListing);
        Instant to = ArxivSchedule.submissionCutoff(missed.get(missed.size() - 1));
        int max = (int) Math.min(MAX_BACKFILL, (long) topic.maxResults() * missed.size());
        // Whatever version the API shows now, each result was first submitted in the gap: a new paper.
        List<ArxivEntry> entries = source.submittedBetween(categoryQuery(topic.categories()), from, to, max).stream()
                .map(e -> new ArxivEntry(e.paper(), AnnounceType.NEW, e.published(), e.updated())).toList();
        Map<String, LocalDate> days = new HashMap<>();
        for (ArxivEntry entry : entries) {
            LocalDate date = entry.published() == null ? missed.get(missed.size() - 1)
                    : ArxivSchedule.listingOfSubmission(entry.published());
            // Holidays move arXiv's calendar; keep every paper within the days that were missed.
            days.put(entry.id(), date.isBefore(missed.get(0)) ? missed.get(0)
                    : date.isAfter(missed.get(missed.size() - 1)) ? missed.get(missed.size() - 1) : date);
        }
        String range = missed.size() == 1 ? "the missed listing of " + missed.get(0)
                : "the " + missed.size() + " missed listings " + missed.get(0) + " to " + missed.get(missed.size() - 1);
        if (entries.size() >= max) {
            LOG.warn("arXiv topic \"{}\": catching up {} stopped at {} results; raise max-results to get more",
                    topic.name(), range, max);
            range += " (stopped at " + max + " results)";
        }
        LOG.info("arXiv topic \"{}\": catching up {} through the API: {}", topic.name(), range,
                PlainText.count(entries.size(), "result"));
        return new Backfill(entries, days, from, range);
    }

    /** The listing's papers under its day, then the back-filled ones under theirs; a paper in both is the listing's. */
    private FetchOutcome storeWithBackfill(Topic topic, List<ArxivEntry> listing, Instant since, LocalDate day,
                                           Instant now, Backfill backfill) throws FetchFailure {
        List<ArxivEntry> entries = new ArrayList<>(listing);
        entries.addAll(backfill.entries());
        Set<String> listed = listing.stream().map(ArxivEntry::id).collect(Collectors.toSet());
        Instant earliest = backfill.from() != null && backfill.from().isBefore(since) ? backfill.from() : since;
        return store(topic, entries, e -> listed.contains(e.id()) ? day : backfill.days().getOrDefault(e.id(), day),
                earliest, day, now, true, backfill.summary());
    }

    /**
     * Files the new papers among the entries under the day {@code dayOf} gives each, and records newer versions
     * of papers the topic has; {@code backfilled} describes missed days that were filled in, or is empty.
     */
    private FetchOutcome store(Topic topic, List<ArxivEntry> entries, Function<ArxivEntry, LocalDate> dayOf,
                               Instant since, LocalDate day, Instant now, boolean fromListing, String backfilled)
            throws FetchFailure {
        List<Digest> stored = store.digests(topic.slug());
        Map<LocalDate, List<Paper>> days = new HashMap<>();
        Map<String, LocalDate> known = new HashMap<>();
        for (Digest digest : stored) {
            days.put(digest.date(), new ArrayList<>(digest.papers()));
            digest.papers().forEach(p -> known.put(p.arxivId(), digest.date()));
        }
        Set<LocalDate> touched = new HashSet<>();
        Map<LocalDate, List<Paper>> fresh = new java.util.TreeMap<>();
        int freshCount = 0;
        int backfilledCount = 0;
        Set<String> seen = new HashSet<>();
        List<ArxivEntry> newerVersions = new ArrayList<>();
        for (ArxivEntry entry : entries) {
            if (!seen.add(entry.id())) {
                continue; // cross-listed in two of the topic's categories, or repeated across pages
            }
            if (known.containsKey(entry.id())) {
                Paper old = find(days.get(known.get(entry.id())), entry.id());
                if (entry.paper().version() > old.version()) {
                    newerVersions.add(entry);
                }
                continue;
            }
            boolean isNew = entry.announce().isNewPaper()
                    || (entry.published() != null && !entry.published().isBefore(since));
            if (isNew && matches(topic, entry.paper())) {
                LocalDate date = dayOf.apply(entry);
                fresh.computeIfAbsent(date, d -> new ArrayList<>()).add(entry.paper());
                freshCount++;
                if (!date.equals(day)) {
                    backfilledCount++;
                }
            }
        }
        if (fromListing) {
            newerVersions = withApiDetails(newerVersions);
        }
        for (ArxivEntry entry : newerVersions) {
            LocalDate date = known.get(entry.id());
            List<Paper> papers = days.get(date);
            int index = indexOf(papers, entry.id());
            papers.set(index, newerVersion(papers.get(index), entry.paper()));
            touched.add(date);
        }
        fresh.forEach((date, papers) -> {
            days.computeIfAbsent(date, d -> new ArrayList<>()).addAll(papers);
            touched.add(date);
        });
        for (LocalDate date : touched.stream().sorted().toList()) {
            String attribution = "arXiv, fetched by Paperboy for " + describe(topic);
            store.write(topic.slug(), new Digest(topic.name(), date, days.get(date),
                    new DigestSource(ArxivStore.fileName(topic.slug(), date), 1, attribution)));
        }
        String reason = freshCount == 0 && newerVersions.isEmpty() ? "no new papers matched"
                : backfilled.isEmpty() ? ""
                : backfilledCount + " of them from " + backfilled + ", caught up through the API";
        return new FetchOutcome(now, FetchOutcome.Kind.FETCHED, freshCount, newerVersions.size(), day, reason);
    }

    /** The listing says a version changed but not the new comment; the API does, in one request for all. */
    private List<ArxivEntry> withApiDetails(List<ArxivEntry> newer) {
        if (newer.isEmpty()) {
            return newer;
        }
        try {
            Map<String, ArxivEntry> byId = source.byIds(newer.stream().map(ArxivEntry::id).toList()).stream()
                    .collect(Collectors.toMap(ArxivEntry::id, e -> e, (a, b) -> a));
            return newer.stream().map(e -> {
                ArxivEntry detail = byId.get(e.id());
                return detail != null && detail.paper().version() >= e.paper().version() ? detail : e;
            }).toList();
        } catch (FetchFailure e) {
            LOG.warn("Recording new versions without their comments: {}", e.reason());
            return newer;
        }
    }

    /** The stored paper with the newer version's number, comment and date; what was delivered stays readable. */
    private static Paper newerVersion(Paper old, Paper newer) {
        String comment = newer.comment().isEmpty() ? old.comment() : newer.comment();
        return new Paper(old.arxivId(), newer.version(), old.title().equals(newer.title()) ? old.title() : newer.title(),
                newer.authors().isEmpty() ? old.authors() : newer.authors(),
                newer.abstractText().isEmpty() ? old.abstractText() : newer.abstractText(), comment,
                old.categories().isEmpty() ? newer.categories() : old.categories(), old.published(),
                newer.updated() != null ? newer.updated() : old.updated(), old.links());
    }

    static boolean matches(Topic topic, Paper paper) {
        String text = paper.title() + "\n" + paper.abstractText();
        boolean included = topic.include().isEmpty() || topic.include().stream().anyMatch(k -> mentions(text, k));
        boolean excluded = topic.exclude().stream().anyMatch(k -> mentions(text, k));
        return included && !excluded;
    }

    /** Whole words, case-insensitive, so that "ViT" does not match "activity". */
    private static boolean mentions(String text, String keyword) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(keyword) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find();
    }

    private static String categoryQuery(List<String> categories) {
        return categories.stream().map(c -> "cat:" + c).collect(Collectors.joining(" OR "));
    }

    private static String describe(Topic topic) {
        return topic.query() != null ? "the query " + topic.query()
                + (topic.categories().isEmpty() ? "" : " in " + String.join(", ", topic.categories()))
                : "the listings of " + String.join(", ", topic.categories());
    }

    private static Paper find(List<Paper> papers, String id) {
        return papers.get(indexOf(papers, id));
    }

    private static int indexOf(List<Paper> papers, String id) {
        for (int i = 0; i < papers.size(); i++) {
            if (id.equals(papers.get(i).arxivId())) {
                return i;
            }
        }
        throw new IllegalStateException("paper " + id + " vanished from its digest");
    }

    private static void log(Topic topic, FetchOutcome outcome) {
        switch (outcome.kind()) {
            case FETCHED -> LOG.info("arXiv topic \"{}\": {}, {} for {}", topic.name(),
                    PlainText.count(outcome.newPapers(), "new paper"),
                    PlainText.count(outcome.newVersions(), "new version"),
                    outcome.listingDate());
            case QUIET -> LOG.info("arXiv topic \"{}\": no announcement for {} (a quiet day)", topic.name(),
                    outcome.listingDate());
            case UNCHANGED -> LOG.info("arXiv topic \"{}\": {}", topic.name(), outcome.reason());
            case FAILED -> LOG.warn("arXiv topic \"{}\" not updated: {}; the library is unchanged", topic.name(),
                    outcome.reason());
        }
    }

    @Override
    public String toString() {
        return "ArxivUpdater" + topics.stream().map(t -> t.name().toLowerCase(Locale.ROOT)).toList();
    }
}
