package dev.paperboy.telegram;

/**
 * The Telegram adapter could not start: Telegram refused the token or could not be reached. The
 * message is one sentence for the log and never contains the token; no raw cause is attached,
 * since a client exception might carry the request URL.
 */
public final class TelegramAdapterException extends RuntimeException {

    public TelegramAdapterException(String message) {
        super(message);
    }
}
