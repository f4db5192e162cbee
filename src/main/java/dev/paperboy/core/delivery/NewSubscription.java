package dev.paperboy.core.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A subscription as a command asks for it, before the store gives it an id.
 *
 * @param since the oldest paper date asked for, or null for the delivery window alone
 */
public record NewSubscription(Target target, SubscriptionFilter filter, LocalTime time, ZoneId zone, LocalDate since,
                              String createdBy, Instant createdAt) {

    /** A subscription that takes the delivery window's papers. */
    public NewSubscription(Target target, SubscriptionFilter filter, LocalTime time, ZoneId zone, String createdBy,
                           Instant createdAt) {
        this(target, filter, time, zone, null, createdBy, createdAt);
    }

    public NewSubscription {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        time = time.withSecond(0).withNano(0);
    }
}
