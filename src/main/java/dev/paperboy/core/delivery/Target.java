package dev.paperboy.core.delivery;

import dev.paperboy.core.command.Platform;
import java.util.Objects;

/**
 * Where messages go: a chat or channel on one platform, optionally a thread (Discord) or forum
 * topic (Telegram) inside it.
 *
 * @param threadId the thread or forum topic id, or null for the chat itself
 */
public record Target(Platform platform, String chatId, String threadId) {

    public Target {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(chatId, "chatId");
        if (chatId.isBlank()) {
            throw new IllegalArgumentException("a target needs a chat id");
        }
        if (threadId != null && threadId.isBlank()) {
            threadId = null;
        }
    }

    public static Target chat(Platform platform, String chatId) {
        return new Target(platform, chatId, null);
    }
}
