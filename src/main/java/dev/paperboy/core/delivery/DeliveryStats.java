package dev.paperboy.core.delivery;

/** What the outbox worker did since it started, for logs and the benchmark. */
public record DeliveryStats(long sent, long rateLimited, long transientFailures, long failed, long targetsGone,
                            long migrated) {
}
