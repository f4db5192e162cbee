package dev.paperboy.core.delivery;

import dev.paperboy.core.Digest;
import dev.paperboy.core.DigestSource;
import dev.paperboy.core.LibraryPaper;
import dev.paperboy.core.LiveLibrary;
import dev.paperboy.core.Paper;
import dev.paperboy.core.SearchIndex;
import dev.paperboy.core.command.Platform;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what each due subscription gets and writes it to the store: the papers that match its
 * filter, fall within the window, and the target has not had; rendered by the platform's formatter.
 * The ledger, the outbox rows and the subscription's delivered day are written in one transaction,
 * so a crash either plans a day completely or not at all.
 */
public final class DeliveryPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryPlanner.class);
    /**
     * Runs written per transaction. 10,000 runs write in one transaction of about 0.15 s (multi-row
     * inserts), which holds the outbox senders up only that long; more runs than that go in several.
     */
    private static final int BATCH = 10_000;

    private final DeliveryStore store;
    private final LiveLibrary library;
    private final SearchIndex search;
    private final Map<Platform, DigestFormatter> formatters = new java.util.concurrent.ConcurrentHashMap<>();
    private final DeliverySettings settings;
    private final Clock clock;
    /**
     * One pass at a time: a {@code deliver now} and a scheduled pass for the same target would both read
     * the ledger before either wrote it, and plan the same papers twice.
     */
    private final ReentrantLock planning = new ReentrantLock();
    private volatile Runnable afterPlanning = () -> { };

    public DeliveryPlanner(DeliveryStore store, LiveLibrary library, SearchIndex search, List<DigestFormatter> formatters,
                           DeliverySettings settings, Clock clock) {
        this.store = store;
        this.library = library;
        this.search = search;
        formatters.forEach(f -> this.formatters.put(f.platform(), f));
        this.settings = settings;
        this.clock = clock;
    }

    /** Adds (or replaces) the formatter of a platform, for an adapter that starts after the engine was built. */
    public void register(DigestFormatter formatter) {
        formatters.put(formatter.platform(), formatter);
    }

    /** Called after runs were written, so that the outbox worker need not wait for its next look. */
    public void afterPlanning(Runnable action) {
        this.afterPlanning = action;
    }

    /** Plans every subscription whose time has come today; returns the runs written. */
    public List<PlannedRun> planDue() {
        Instant now = clock.instant();
        // No zone's today is more than a day after UTC's: a subscription already run for that day is not due.
        LocalDate latestToday = now.atOffset(java.time.ZoneOffset.UTC).toLocalDate().plusDays(1);
        List<Subscription> due = store.activeNotRunSince(latestToday).stream().filter(s -> s.isDue(now)).toList();
        return plan(due, now, true);
    }

    /**
     * Plans one subscription at once, whatever its schedule ({@code deliver now}): the same papers
     * rules apply, and its scheduled day is left alone.
     */
    public PlannedRun planNow(Subscription subscription) {
        List<PlannedRun> runs = plan(List.of(subscription), clock.instant(), false);
        return runs.isEmpty() ? null : runs.get(0);
    }

    private List<PlannedRun> plan(List<Subscription> subscriptions, Instant now, boolean scheduled) {
        if (subscriptions.isEmpty()) {
            return List.of();
        }
        planning.lock();
        try {
            return planLocked(subscriptions, now, scheduled);
        } finally {
            planning.unlock();
        }
    }

    private List<PlannedRun> planLocked(List<Subscription> subscriptions, Instant now, boolean scheduled) {
        PaperMatcher matcher = new PaperMatcher(library.current(), search);
        // The ledger is asked only about the papers these runs could send, so that a pass does not grow
        // with the ledger's history.
        Map<Target, Set<String>> candidates = new LinkedHashMap<>();
        for (Subscription subscription : subscriptions) {
            Set<String> keys = candidates.computeIfAbsent(subscription.target(), t -> new HashSet<>());
            matcher.datedFrom(subscription.filter(), oldest(subscription, now)).forEach(p -> keys.add(p.key()));
        }
        Map<Target, Set<String>> had = new HashMap<>(store.paperKeys(candidates));
        Map<String, List<OutgoingMessage>> rendered = new HashMap<>();
        List<PlannedRun> runs = new ArrayList<>();
        List<PlannedRun> written = new ArrayList<>();
        for (Subscription subscription : subscriptions) {
            DigestFormatter formatter = formatters.get(subscription.target().platform());
            if (formatter == null) {
                // No day is recorded: the subscription is delivered once its platform runs again.
                store.recordOutcome(subscription.id(), now, "waiting: " + subscription.target().platform()
                        + " is not running");
                continue;
            }
            try {
                Set<String> seen = had.computeIfAbsent(subscription.target(), t -> new HashSet<>());
                runs.add(planOne(subscription, formatter, matcher, seen, rendered, now, scheduled));
            } catch (RuntimeException e) {
                LOG.error("Could not plan subscription #{} ({}); it is tried again at the next tick",
                        subscription.id(), subscription.describe(), e);
            }
            if (runs.size() >= BATCH) {
                store.record(runs);
                written.addAll(runs);
                runs.clear();
            }
        }
        store.record(runs);
        written.addAll(runs);
        long withMessages = written.stream().filter(r -> !r.messages().isEmpty()).count();
        if (withMessages > 0) {
            LOG.info("Planned {} deliveries ({} with nothing new)", withMessages, written.size() - withMessages);
            afterPlanning.run();
        }
        return written;
    }

    private PlannedRun planOne(Subscription subscription, DigestFormatter formatter, PaperMatcher matcher,
                               Set<String> seen, Map<String, List<OutgoingMessage>> rendered, Instant now,
                               boolean scheduled) {
        LocalDate day = subscription.localDate(now);
        List<Paper> fresh = new ArrayList<>();
        // Papers without a day cannot be placed in the window; bulk dumps must not flood a new subscriber.
        for (LibraryPaper paper : matcher.datedFrom(subscription.filter(), oldest(subscription, now))) {
            if (seen.add(paper.key())) {
                fresh.add(paper.paper());
            }
        }
        List<String> keys = new ArrayList<>(fresh.size());
        for (Paper paper : fresh) {
            keys.add(paper.key());
        }
        String label = matcher.label(subscription.filter());
        List<OutgoingMessage> messages;
        String outcome;
        if (fresh.isEmpty()) {
            messages = settings.sendEmptyNote() ? formatter.format(digest(label, day, fresh)) : List.of();
            outcome = "nothing new" + (messages.isEmpty() ? ", nothing sent" : ", sent a note");
        } else {
            StringBuilder cacheKey = new StringBuilder().append(formatter.platform()).append('|').append(label)
                    .append('|').append(day);
            keys.forEach(k -> cacheKey.append('|').append(k));
            messages = rendered.computeIfAbsent(cacheKey.toString(), k -> formatter.format(digest(label, day, fresh)));
            outcome = fresh.size() + (fresh.size() == 1 ? " paper" : " papers") + " in " + messages.size()
                    + (messages.size() == 1 ? " message" : " messages");
        }
        String runKey = subscription.id() + ":" + day + (scheduled ? "" : ":now:" + now.toEpochMilli());
        return new PlannedRun(subscription, runKey, scheduled ? day : null, keys,
                messages, scheduled ? outcome : outcome + " (deliver now)", now);
    }

    /** The oldest paper date the subscription's run at {@code now} may send. */
    private LocalDate oldest(Subscription subscription, Instant now) {
        return subscription.oldestPaperDate(subscription.localDate(now), settings.windowDays());
    }

    private static Digest digest(String label, LocalDate day, List<Paper> papers) {
        return new Digest(label, day, papers, new DigestSource("subscription", 0, ""));
    }
}
