package dev.paperboy.core.delivery;

import java.util.Objects;

/**
 * One message already rendered for its platform, as the outbox stores it. The payload's format
 * belongs to the platform's {@link DigestFormatter} and {@link MessageSender} pair (Telegram HTML,
 * Discord message JSON); the core only stores and forwards it.
 */
public record OutgoingMessage(String payload) {

    public OutgoingMessage {
        Objects.requireNonNull(payload, "payload");
        if (payload.isEmpty()) {
            throw new IllegalArgumentException("an outgoing message needs a payload");
        }
    }
}
