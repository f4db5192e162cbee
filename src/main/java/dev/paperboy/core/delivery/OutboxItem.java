package dev.paperboy.core.delivery;

import java.util.Objects;

/**
 * One message waiting in the outbox.
 *
 * @param subscriptionId the subscription that planned it, or 0 when none
 * @param attempts       how many sends failed so far (throttling does not count)
 */
public record OutboxItem(long id, Target target, long subscriptionId, String runKey, OutgoingMessage message,
                         int attempts) {

    public OutboxItem {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(runKey, "runKey");
        Objects.requireNonNull(message, "message");
    }
}
