package dev.paperboy.delivery;

import dev.paperboy.core.delivery.NewSubscription;
import dev.paperboy.core.delivery.Subscription;
import dev.paperboy.core.delivery.SubscriptionFilter;
import dev.paperboy.core.delivery.Target;
import dev.paperboy.core.delivery.DigestFormatter;
import dev.paperboy.core.delivery.DeliverySettings;
import dev.paperboy.core.delivery.RateLimitPolicy;
import dev.paperboy.core.delivery.RateLimiter;
import dev.paperboy.core.delivery.DeliveryPlanner;
import dev.paperboy.core.delivery.OutboxWorker;
import dev.paperboy.core.Digest;
import dev.paperboy.core.FakeContentSource;
import dev.paperboy.core.FakeSearchIndex;
import dev.paperboy.core.LiveLibrary;
import dev.paperboy.core.command.Platform;
import dev.paperboy.store.Database;
import dev.paperboy.store.JdbcDeliveryStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Delivery put together for a test: a real SQLite store in a temporary directory, a library the
 * test fills, the fake formatter and a fake sender per platform, all on one fake clock. The worker
 * sends on the calling thread, so {@link #deliverAll()} is deterministic.
 */
public final class DeliveryHarness implements AutoCloseable {

    public final FakeClock clock;
    public final FakeContentSource content = new FakeContentSource();
    public final FakeSearchIndex search = new FakeSearchIndex();
    public final LiveLibrary library;
    public final FakeSender telegram;
    public final FakeSender discord;
    private final Path dataDir;
    private final DeliverySettings settings;
    private final List<RateLimitPolicy> limits;
    public JdbcDeliveryStore store;
    public DeliveryPlanner planner;
    public OutboxWorker worker;

    public DeliveryHarness(Path dataDir, Instant start) {
        this(dataDir, start, DeliverySettings.defaults(), List.of(RateLimitPolicy.telegram(), RateLimitPolicy.discord()));
    }

    public DeliveryHarness(Path dataDir, Instant start, DeliverySettings settings, List<RateLimitPolicy> limits) {
        this.clock = new FakeClock(start);
        this.library = new LiveLibrary(content, List.of(search), clock);
        this.telegram = new FakeSender(Platform.TELEGRAM, clock);
        this.discord = new FakeSender(Platform.DISCORD, clock);
        this.dataDir = dataDir;
        this.settings = settings;
        this.limits = limits;
        open();
    }

    /** Opens (or, after {@link #crash()}, reopens) the store and builds a fresh planner and worker on it. */
    public void open() {
        store = JdbcDeliveryStore.open(Database.sqlite(dataDir));
        List<DigestFormatter> formatters = List.of(new FakeFormatter(Platform.TELEGRAM), new FakeFormatter(Platform.DISCORD));
        planner = new DeliveryPlanner(store, library, search, formatters, settings, clock);
        worker = new OutboxWorker(store, List.of(telegram, discord), new RateLimiter(limits, Duration.ZERO),
                settings.retry(), clock, new Random(7), Runnable::run, 1);
    }

    /** The process dies: the store is closed under the worker's feet and everything in memory is lost. */
    public void crash() {
        store.close();
    }

    public void load(Digest... digests) {
        content.willLoad(List.of(digests));
        if (!library.reload().applied()) {
            throw new IllegalStateException("test content did not load");
        }
    }

    public Subscription subscribe(Target target, SubscriptionFilter filter, String time, String zone) {
        return store.add(new NewSubscription(target, filter, LocalTime.parse(time), ZoneId.of(zone), "42",
                clock.instant()));
    }

    /**
     * Runs the worker until the outbox is empty or nothing can go within {@code limit}, moving the
     * clock to each moment something may go next.
     */
    public void deliverAll(Duration limit) {
        Instant end = clock.instant().plus(limit);
        while (clock.instant().isBefore(end)) {
            Optional<Instant> next = worker.dispatch(true);
            if (store.waitingCount() == 0) {
                return;
            }
            Instant to = next.orElse(clock.instant().plusSeconds(1));
            clock.set(to.isAfter(clock.instant()) ? to : clock.instant().plusMillis(1));
        }
    }

    public void deliverAll() {
        deliverAll(Duration.ofHours(1));
    }

    @Override
    public void close() {
        try {
            store.close();
        } catch (RuntimeException ignored) {
            // already closed by crash()
        }
    }
}
