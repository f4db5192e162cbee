package dev.paperboy.core.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A target's standing order: every local day at {@code time} in {@code zone}, the new papers that
 * match {@code filter}. The last-run fields are what {@code status} and {@code subscriptions} show.
 *
 * @param since             until the first scheduled run has been planned (the store then clears it), the
 *                          oldest paper date the subscriber asked for when it is before the delivery
 *                          window, else null (the window alone decides)
 * @param pausedReason      why it is paused when the bot paused it (blocked, kicked), else null
 * @param lastDeliveredDate the local day of the last scheduled run (delivered or skipped), or null
 * @param lastRunAt         when that run (or a {@code deliver now}) was planned, or null
 * @param lastOutcome       what happened then, for people: "3 papers", "nothing new", "bot was blocked"
 */
public record Subscription(long id, Target target, SubscriptionFilter filter, LocalTime time, ZoneId zone,
                           LocalDate since, boolean paused, String pausedReason, String createdBy, Instant createdAt,
                           LocalDate lastDeliveredDate, Instant lastRunAt, String lastOutcome) {

    public Subscription {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The local day it is for this subscription at {@code now}. */
    public LocalDate localDate(Instant now) {
        return now.atZone(zone).toLocalDate();
    }

    /**
     * When the run of that local day is due. A time that the day skips (spring forward) moves later by
     * the gap; a time that happens twice (fall back) means its first occurrence, as
     * {@link ZonedDateTime#of} resolves them.
     */
    public Instant dueAt(LocalDate day) {
        return ZonedDateTime.of(day, time, zone).toInstant();
    }

    /**
     * Whether today's run is due: not paused, not yet run for today's local date, its time has come,
     * and that time came after the subscription was made (subscribing at 15:00 for 08:00 starts tomorrow).
     */
    public boolean isDue(Instant now) {
        if (paused) {
            return false;
        }
        LocalDate today = localDate(now);
        if (lastDeliveredDate != null && !lastDeliveredDate.isBefore(today)) {
            return false;
        }
        Instant due = dueAt(today);
        return !now.isBefore(due) && !due.isBefore(createdAt);
    }

    /** One line for people: {@code Vision Transformer at 08:00 Europe/Berlin}. */
    public String describe() {
        return filter.describe() + " at " + time + " " + zone.getId() + (since == null ? "" : ", since " + since);
    }

    /** The oldest paper date a run on {@code day} may send: the window's start, or {@link #since} if earlier. */
    public LocalDate oldestPaperDate(LocalDate day, int windowDays) {
        LocalDate windowStart = day.minusDays(windowDays);
        return since != null && since.isBefore(windowStart) ? since : windowStart;
    }
}
