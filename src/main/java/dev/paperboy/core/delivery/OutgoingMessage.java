package dev.paperboy.core.delivery;

import java.util.Objects;

/**
 * One message already rendered for its platform, as the outbox stores it. The payload's format
 * belongs to the platform's {@link DigestFormatter} and {@link MessageSender} pair (Telegram HTML,
 * Discord message JSON); the core only stores and forwards it.
 *
 * @param papers how many of the digest's papers this message carries, in the digest's order (papers are
 *               never split across messages); lets the ledger count each paper as sent with its own
 *               message. A formatter that does not count leaves every message at 0, and then every paper
 *               counts as sent with the run's last message.
 */
public record OutgoingMessage(String payload, int papers) {

    public OutgoingMessage {
        Objects.requireNonNull(payload, "payload");
        if (payload.isEmpty()) {
            throw new IllegalArgumentException("an outgoing message needs a payload");
        }
        if (papers < 0) {
            throw new IllegalArgumentException("a message carries 0 or more papers: " + papers);
        }
    }

    /** A message that carries no counted papers: a note, a heading, or a formatter that does not count. */
    public OutgoingMessage(String payload) {
        this(payload, 0);
    }
}
