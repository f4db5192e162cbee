package dev.paperboy.telegram;

import dev.paperboy.core.delivery.SendOutcome;
import java.time.Duration;
import java.util.Locale;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * What a failed Bot API call said, read from the client's exception: the error code and description
 * of the answer, or 0 when no answer came (timeout, connection refused). The description never
 * contains the token.
 *
 * @param code        the Bot API's {@code error_code}, 0 when the server did not answer
 * @param description the Bot API's description, or what went wrong on the way
 * @param retryAfter  {@code parameters.retry_after} in seconds, or null
 * @param migrateTo   {@code parameters.migrate_to_chat_id}, or null
 */
record TelegramFailure(int code, String description, Integer retryAfter, Long migrateTo) {

    static TelegramFailure of(Throwable error, TelegramConnection connection) {
        Throwable e = error;
        while (e != null && !(e instanceof TelegramApiRequestException request && request.getErrorCode() != null
                && request.getErrorCode() != 0)) {
            e = e.getCause();
        }
        if (e instanceof TelegramApiRequestException request) {
            ResponseParameters parameters = request.getParameters();
            return new TelegramFailure(request.getErrorCode(),
                    connection.redact(request.getApiResponse() == null ? "" : request.getApiResponse()),
                    parameters == null ? null : parameters.getRetryAfter(),
                    parameters == null ? null : parameters.getMigrateToChatId());
        }
        return new TelegramFailure(0, connection.redact(describeTransport(error)), null, null);
    }

    /** The innermost cause's type and message: "SocketTimeoutException: timeout". */
    private static String describeTransport(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    boolean rateLimited() {
        return code == 429;
    }

    /** The bot was blocked, kicked, or cannot see or write to the chat any more. */
    boolean targetGone() {
        if (code == 403) {
            return true;
        }
        String lower = description.toLowerCase(Locale.ROOT);
        return code == 400 && (lower.contains("chat not found") || lower.contains("peer_id_invalid")
                || lower.contains("have no rights to send") || lower.contains("not enough rights to send")
                || lower.contains("chat_write_forbidden") || lower.contains("need administrator rights")
                || lower.contains("message thread not found") || lower.contains("bot was kicked"));
    }

    /** The outcome the delivery engine needs. */
    SendOutcome outcome() {
        if (migrateTo != null) {
            return new SendOutcome.Migrated(Long.toString(migrateTo));
        }
        if (rateLimited()) {
            return new SendOutcome.RetryAfter(Duration.ofSeconds(retryAfter == null ? 1 : Math.max(0, retryAfter)));
        }
        if (targetGone()) {
            return new SendOutcome.TargetGone(summary());
        }
        if (code == 400) {
            return new SendOutcome.Rejected(summary());
        }
        // 0 (no answer), 5xx, and 401/404 (a wrong token, which an admin can fix without losing messages).
        return new SendOutcome.TransientFailure(summary());
    }

    String summary() {
        return code == 0 ? description : "[" + code + "] " + description;
    }
}
