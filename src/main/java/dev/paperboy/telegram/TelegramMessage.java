package dev.paperboy.telegram;

import java.util.Objects;

/**
 * One Telegram message to send with {@code parse_mode=HTML}.
 *
 * <p>Telegram allows 4096 characters <em>after</em> entity parsing (tags removed, entities decoded);
 * this record holds the stricter rule that the raw HTML itself has at most 4096 UTF-16 characters,
 * so a message that passes here can never be rejected for length.
 *
 * @param html the message text in Telegram's HTML subset, never blank
 */
public record TelegramMessage(String html) {

    /** The most characters a message may have. */
    public static final int MAX_LENGTH = 4096;

    public TelegramMessage {
        Objects.requireNonNull(html, "html");
        if (html.isBlank()) {
            throw new IllegalArgumentException("a Telegram message must not be empty");
        }
        if (html.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "a Telegram message has at most " + MAX_LENGTH + " characters, this one " + html.length());
        }
    }
}
