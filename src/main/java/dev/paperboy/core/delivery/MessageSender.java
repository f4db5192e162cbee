package dev.paperboy.core.delivery;

import dev.paperboy.core.command.Platform;

/**
 * Port: sends one rendered message to one target on one platform, synchronously, and says what
 * happened. Rate limiting and retries belong to the delivery engine, not to the sender; a sender
 * never throws for a platform error, it returns the matching {@link SendOutcome}.
 */
public interface MessageSender {

    Platform platform();

    SendOutcome send(Target target, OutgoingMessage message);
}
