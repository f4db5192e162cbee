package dev.paperboy.core.delivery;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/** A subscription as a command asks for it, before the store gives it an id. */
public record NewSubscription(Target target, SubscriptionFilter filter, LocalTime time, ZoneId zone,
                              String createdBy, Instant createdAt) {

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
