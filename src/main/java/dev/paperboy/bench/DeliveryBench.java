package dev.paperboy.bench;

import dev.paperboy.core.ContentLoad;
import dev.paperboy.core.ContentSource;
import dev.paperboy.core.Digest;
import dev.paperboy.core.DigestSource;
import dev.paperboy.core.LiveLibrary;
import dev.paperboy.core.Paper;
import dev.paperboy.core.SearchIndex;
import dev.paperboy.core.SearchPage;
import dev.paperboy.core.command.Platform;
import dev.paperboy.core.delivery.DeliveryEngine;
import dev.paperboy.core.delivery.DeliverySettings;
import dev.paperboy.core.delivery.DigestFormatter;
import dev.paperboy.core.delivery.NewSubscription;
import dev.paperboy.core.delivery.OutgoingMessage;
import dev.paperboy.core.delivery.RateLimit;
import dev.paperboy.core.delivery.RateLimitPolicy;
import dev.paperboy.core.delivery.RetryPolicy;
import dev.paperboy.core.delivery.SubscriptionFilter;
import dev.paperboy.core.delivery.Target;
import dev.paperboy.store.Database;
import dev.paperboy.store.JdbcDeliveryStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench delivery}: one digest fanned out to many Telegram targets through the real planner,
 * outbox and store (SQLite) and a fake Telegram that enforces scaled limits; straight through, then
 * interrupted halfway and restarted on the same file after a one-second pause, in two ways (see
 * {@link Interruption}).
 */
public final class DeliveryBench {

    /** How a run is interrupted halfway. */
    public enum Interruption {
        /** Not at all. */
        NONE,
        /** Stopped as {@code kill} (SIGTERM) stops {@code run}: the engine's graceful close. */
        STOP,
        /**
         * Killed as {@code kill -9} would (in-process): the store is closed under the running engine, so
         * sends on their way cannot be marked, and the engine's threads are halted at once.
         */
        CRASH
    }

    /** The figures of one run, as the JSON line prints them. */
    public record Result(int targets, long messages, double seconds, double floorSeconds, long rateLimited,
                         long duplicates, long lost) {
        public String json() {
            return String.format(Locale.ROOT, "{\"targets\":%d,\"messages\":%d,\"seconds\":%.2f,\"floor_seconds\":%.2f,"
                    + "\"rate_limited\":%d,\"duplicates\":%d,\"lost\":%d}", targets, messages, seconds, floorSeconds,
                    rateLimited, duplicates, lost);
        }
    }

    private final int targets;
    private final int overallRate;
    private final int perChatRate;
    private final Duration latency;
    private final int senderThreads;
    private final Path work;

    public DeliveryBench(int targets, int overallRate, int perChatRate, Duration latency, int senderThreads, Path work) {
        this.targets = targets;
        this.overallRate = overallRate;
        this.perChatRate = perChatRate;
        this.latency = latency;
        this.senderThreads = senderThreads;
        this.work = work;
    }

    /** Plans {@code targets} subscriptions due at the same minute; returns the milliseconds planning took. */
    public long planningMillis(String name) {
        try (JdbcDeliveryStore store = JdbcDeliveryStore.open(Database.sqlite(work.resolve(name)))) {
            Instant now = subscribe(store);
            DeliveryEngine engine = engine(store, new ThrottlingFakeSender(overallRate, perChatRate, latency), now);
            long start = System.nanoTime();
            int runs = engine.planner().planDue().size();
            long millis = (System.nanoTime() - start) / 1_000_000;
            engine.close();
            if (runs != targets) {
                throw new IllegalStateException("planned " + runs + " of " + targets);
            }
            return millis;
        }
    }

    /** Delivers to every target, interrupted once half the messages went. */
    public Result deliver(String name, Interruption interruption) throws InterruptedException {
        Path dir = work.resolve(name);
        ThrottlingFakeSender telegram = new ThrottlingFakeSender(overallRate, perChatRate, latency);
        JdbcDeliveryStore store = JdbcDeliveryStore.open(Database.sqlite(dir));
        Instant now = subscribe(store);
        DeliveryEngine engine = engine(store, telegram, now);
        engine.planner().planDue();
        long messages = store.waitingCount();
        long start = System.nanoTime();
        engine.start();
        if (interruption != Interruption.NONE) {
            while (telegram.delivered() < messages / 2) {
                Thread.sleep(5);
            }
            if (interruption == Interruption.STOP) {
                engine.close();
                store.close();
            } else {
                store.close(); // sends on their way now cannot be marked: a crash between send and mark
                engine.halt();
            }
            Thread.sleep(1000); // a real restart takes at least this long
            store = JdbcDeliveryStore.open(Database.sqlite(dir));
            engine = engine(store, telegram, now);
            engine.start();
        }
        // Poll the fake, not the store: counting the outbox often would compete with the worker for the database.
        // About twice a second the store says whether anything still waits; when nothing does, what the fake
        // has not received is lost (given up, dropped), and waiting longer would hang instead of reporting it.
        for (long polls = 1; telegram.distinct() < messages; polls++) {
            if (polls % 250 == 0 && store.waitingCount() == 0) {
                break;
            }
            Thread.sleep(2);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        while (store.waitingCount() > 0) {
            Thread.sleep(200); // a resent message after the kill may still be on its way: count it
        }
        engine.close();
        store.close();
        return new Result(targets, messages, seconds, messages / (double) overallRate, telegram.rateLimited(),
                telegram.duplicates(), messages - telegram.distinct());
    }

    private Instant subscribe(JdbcDeliveryStore store) {
        Instant now = Instant.now();
        LocalTime minute = LocalTime.ofInstant(now, ZoneOffset.UTC).withSecond(0).withNano(0);
        List<NewSubscription> all = new ArrayList<>();
        for (int i = 0; i < targets; i++) {
            all.add(new NewSubscription(Target.chat(Platform.TELEGRAM, String.valueOf(100_000 + i)),
                    SubscriptionFilter.topic("Bench"), minute, ZoneOffset.UTC, "bench", now.minus(Duration.ofDays(1))));
        }
        store.addAll(all);
        return now;
    }

    private DeliveryEngine engine(JdbcDeliveryStore store, ThrottlingFakeSender sender, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Digest digest = new Digest("Bench", today, List.of(Paper.of("2601.00001", "One paper for everyone",
                List.of("A. Author"), "An abstract.", "")), new DigestSource("bench", 0, ""));
        ContentSource content = new ContentSource() {
            @Override
            public ContentLoad load() {
                return new ContentLoad(List.of(digest), List.of(), List.of());
            }

            @Override
            public String describe() {
                return "one bench digest";
            }
        };
        SearchIndex noSearch = new SearchIndex() {
            @Override
            public SearchPage search(dev.paperboy.core.SearchRequest request) {
                return new SearchPage(request.query(), null, List.of(), 0, request.page(), request.pageSize());
            }

            @Override
            public List<String> libraryChanging(dev.paperboy.core.Library next) {
                return List.of();
            }

            @Override
            public List<dev.paperboy.core.LibraryPaper> findPapers(String key, int limit) {
                return List.of();
            }
        };
        LiveLibrary library = new LiveLibrary(content, List.of(noSearch), Clock.systemUTC());
        library.reload();
        DigestFormatter formatter = new DigestFormatter() {
            @Override
            public Platform platform() {
                return Platform.TELEGRAM;
            }

            @Override
            public List<OutgoingMessage> format(Digest d) {
                return List.of(new OutgoingMessage(d.topic() + " " + d.date() + ": " + d.papers().size() + " paper"));
            }
        };
        RateLimitPolicy limits = new RateLimitPolicy(Platform.TELEGRAM, List.of(RateLimit.perSecond(overallRate)),
                List.of(RateLimit.perSecond(perChatRate)), List.of(), false);
        DeliverySettings settings = new DeliverySettings(7, false, Duration.ofSeconds(30), senderThreads,
                RetryPolicy.defaults());
        return DeliveryEngine.create(store, library, noSearch, List.of(formatter), List.of(sender), List.of(limits),
                settings, Clock.systemUTC());
    }
}
