package dev.paperboy.core.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What the subscription commands work with: the store, the planner (for {@code deliver now}), the
 * configured defaults and the clock. Commands stay thin; rules about subscriptions live here.
 */
public final class Subscriptions {

    /** Enough for any real chat; more is a script gone wrong. */
    public static final int MAX_PER_TARGET = 20;

    private final DeliveryStore store;
    private final DeliveryPlanner planner;
    private final LocalTime defaultTime;
    private final ZoneId defaultZone;
    private final int windowDays;
    private final Clock clock;

    public Subscriptions(DeliveryStore store, DeliveryPlanner planner, LocalTime defaultTime, ZoneId defaultZone,
                         int windowDays, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.planner = Objects.requireNonNull(planner, "planner");
        this.defaultTime = Objects.requireNonNull(defaultTime, "defaultTime");
        this.defaultZone = Objects.requireNonNull(defaultZone, "defaultZone");
        this.windowDays = windowDays;
        this.clock = clock;
    }

    public LocalTime defaultTime() {
        return defaultTime;
    }

    public ZoneId defaultZone() {
        return defaultZone;
    }

    /** The local day now in {@code zone}. */
    public LocalDate today(ZoneId zone) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public int windowDays() {
        return windowDays;
    }

    public Instant now() {
        return clock.instant();
    }

    public List<Subscription> of(Target target) {
        return store.forTarget(target);
    }

    public Subscription add(Target target, SubscriptionFilter filter, LocalTime time, ZoneId zone, LocalDate since,
                            String userId) {
        return store.add(new NewSubscription(target, filter, time, zone, since, userId, clock.instant()));
    }

    public int remove(List<Subscription> subscriptions) {
        return store.remove(subscriptions.stream().map(Subscription::id).toList());
    }

    public int pause(List<Subscription> subscriptions) {
        return store.setPaused(subscriptions.stream().map(Subscription::id).toList(), true, null);
    }

    public int resume(List<Subscription> subscriptions) {
        return store.setPaused(subscriptions.stream().map(Subscription::id).toList(), false, null);
    }

    /** Plans the subscription now, whatever its schedule; null when its platform has no formatter. */
    public PlannedRun deliverNow(Subscription subscription) {
        return planner.planNow(subscription);
    }

    public DeliveryCounts counts() {
        return store.counts();
    }

    /** When the subscription's next scheduled run is due, in its own zone. */
    public ZonedDateTime nextRun(Subscription subscription) {
        Instant now = clock.instant();
        LocalDate today = subscription.localDate(now);
        boolean todayDone = subscription.lastDeliveredDate() != null && !subscription.lastDeliveredDate().isBefore(today);
        Instant due = subscription.dueAt(today);
        LocalDate day = todayDone || due.isBefore(now) || due.isBefore(subscription.createdAt()) ? today.plusDays(1) : today;
        return subscription.dueAt(day).atZone(subscription.zone());
    }
}
