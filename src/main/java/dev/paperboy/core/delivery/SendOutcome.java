package dev.paperboy.core.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * What happened to one send, as the delivery engine needs to know it: each platform's sender maps
 * its own errors onto these.
 */
public sealed interface SendOutcome {

    /** Delivered; {@code messageId} is the platform's id of the posted message. */
    record Sent(String messageId) implements SendOutcome {
        public Sent {
            Objects.requireNonNull(messageId, "messageId");
        }
    }

    /** Throttled (HTTP 429): send again after {@code delay}, as the platform said. */
    record RetryAfter(Duration delay) implements SendOutcome {
        public RetryAfter {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative: " + delay);
            }
        }
    }

    /** A failure that may pass (5xx, timeout, connection reset): retry with backoff. */
    record TransientFailure(String reason) implements SendOutcome {
    }

    /** The target is gone for us (bot blocked, kicked, chat or channel not found, no access): stop sending. */
    record TargetGone(String reason) implements SendOutcome {
    }

    /** The chat moved (a Telegram group became a supergroup): send there instead, from now on. */
    record Migrated(String newChatId) implements SendOutcome {
        public Migrated {
            Objects.requireNonNull(newChatId, "newChatId");
        }
    }

    /** The platform refused this message for good (malformed, too long): retrying would not help. */
    record Rejected(String reason) implements SendOutcome {
    }
}
