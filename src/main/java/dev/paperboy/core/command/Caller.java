package dev.paperboy.core.command;

import java.util.Objects;

/**
 * Who sent a command and from where, as the adapter tells it.
 *
 * @param admin       whether this user may run admin commands (from configuration, or chat admin rights)
 * @param privateChat whether the command came from a one-to-one chat rather than a group or server channel
 */
public record Caller(Platform platform, String chatId, String userId, boolean admin, boolean privateChat) {

    public Caller {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(userId, "userId");
    }

    /** The local user of the console, who is always an admin. */
    public static Caller console() {
        return new Caller(Platform.CONSOLE, "console", "console", true, true);
    }
}
