package dev.paperboy.core.command;

import java.util.Objects;

/**
 * Who sent a command and from where, as the adapter tells it.
 *
 * @param admin       whether this user is a bot admin (configured ids, or server managers on Discord):
 *                    may reload content and see status
 * @param chatAdmin   whether this user may manage this chat's subscriptions (an admin of the group or
 *                    channel, anyone in a private chat, or a bot admin)
 * @param privateChat whether the command came from a one-to-one chat rather than a group or server channel
 */
public record Caller(Platform platform, String chatId, String userId, boolean admin, boolean chatAdmin,
                     boolean privateChat) {

    public Caller {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(userId, "userId");
        chatAdmin = chatAdmin || admin || privateChat;
    }

    /** The local user of the console, who is always an admin. */
    public static Caller console() {
        return new Caller(Platform.CONSOLE, "console", "console", true, true, true);
    }
}
