package dev.paperboy.telegram;

import dev.paperboy.core.command.Platform;
import dev.paperboy.core.delivery.MessageSender;
import dev.paperboy.core.delivery.OutgoingMessage;
import dev.paperboy.core.delivery.SendOutcome;
import dev.paperboy.core.delivery.Target;
import java.util.Objects;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one message of the delivery engine: the payload is the Telegram HTML of one message (as
 * {@link TelegramDigestFormatter} makes it), sent with link previews off, into the forum topic
 * when the target has a thread id. Bot API errors become {@link SendOutcome}s: 429 →
 * {@code RetryAfter(retry_after)}, a migrated group → {@code Migrated}, 403 and "chat not found"
 * → {@code TargetGone}, other 400s → {@code Rejected}, 5xx and no answer → {@code TransientFailure}.
 */
public final class TelegramSender implements MessageSender {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramSender.class);

    private final TelegramConnection connection;

    public TelegramSender(TelegramConnection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    @Override
    public Platform platform() {
        return Platform.TELEGRAM;
    }

    @Override
    public SendOutcome send(Target target, OutgoingMessage message) {
        if (target.platform() != Platform.TELEGRAM) {
            return new SendOutcome.Rejected("not a Telegram target: " + target.platform());
        }
        SendMessage.SendMessageBuilder<?, ?> send = SendMessage.builder()
                .chatId(target.chatId())
                .text(message.payload())
                .parseMode("HTML")
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build());
        if (target.threadId() != null) {
            try {
                send.messageThreadId(Integer.parseInt(target.threadId()));
            } catch (NumberFormatException e) {
                return new SendOutcome.Rejected("the forum topic id is not a number: " + target.threadId());
            }
        }
        try {
            Message sent = connection.execute(send.build());
            return new SendOutcome.Sent(Integer.toString(sent.getMessageId()));
        } catch (TelegramApiException e) {
            TelegramFailure failure = TelegramFailure.of(e, connection);
            SendOutcome outcome = failure.outcome();
            LOG.debug("Sending to Telegram chat {} failed: {} -> {}", target.chatId(), failure.summary(), outcome);
            return outcome;
        } catch (RuntimeException e) {
            LOG.warn("Sending to Telegram chat {} failed unexpectedly: {}", target.chatId(),
                    connection.redact(String.valueOf(e)));
            return new SendOutcome.TransientFailure(connection.redact(e.getClass().getSimpleName() + ": "
                    + e.getMessage()));
        }
    }
}
