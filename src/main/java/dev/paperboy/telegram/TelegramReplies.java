package dev.paperboy.telegram;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/** Posts and edits the bot's HTML answers in a chat, with link previews off and one short wait on a rate limit. */
final class TelegramReplies {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramReplies.class);

    private final TelegramConnection connection;

    TelegramReplies(TelegramConnection connection) {
        this.connection = connection;
    }

    /** Sends the messages in order, the keyboard under the last one; returns the last message sent. */
    Message send(String chatId, Integer thread, List<TelegramMessage> messages, InlineKeyboardMarkup keyboard) {
        Message last = null;
        for (int i = 0; i < messages.size(); i++) {
            SendMessage.SendMessageBuilder<?, ?> send = SendMessage.builder().chatId(chatId)
                    .text(messages.get(i).html()).parseMode("HTML").linkPreviewOptions(noPreview())
                    .messageThreadId(thread);
            if (i == messages.size() - 1 && keyboard != null) {
                send.replyMarkup(keyboard);
            }
            last = execute(send.build(), chatId);
            if (last == null) {
                return null;
            }
        }
        return last;
    }

    /** Edits a message in place; false when it cannot be edited (too old, deleted) and must be sent anew. */
    boolean edit(String chatId, Integer messageId, TelegramMessage message, InlineKeyboardMarkup keyboard) {
        try {
            connection.execute(EditMessageText.builder().chatId(chatId).messageId(messageId)
                    .text(message.html()).parseMode("HTML").linkPreviewOptions(noPreview()).replyMarkup(keyboard)
                    .build());
            return true;
        } catch (TelegramApiException e) {
            TelegramFailure failure = TelegramFailure.of(e, connection);
            if (failure.description().contains("message is not modified")) {
                return true;
            }
            LOG.debug("Telegram: editing message {} in {} failed: {}", messageId, chatId, failure.summary());
            return false;
        }
    }

    static LinkPreviewOptions noPreview() {
        return LinkPreviewOptions.builder().isDisabled(true).build();
    }

    private Message execute(SendMessage send, String chatId) {
        for (int attempt = 1; ; attempt++) {
            try {
                return connection.execute(send);
            } catch (TelegramApiException e) {
                TelegramFailure failure = TelegramFailure.of(e, connection);
                if (failure.rateLimited() && attempt == 1 && failure.retryAfter() != null
                        && failure.retryAfter() <= 5) {
                    sleep(Duration.ofSeconds(failure.retryAfter()));
                    continue;
                }
                if (failure.targetGone()) {
                    LOG.info("Telegram: cannot answer in chat {}: {}", chatId, failure.summary());
                } else {
                    LOG.warn("Telegram: answering in chat {} failed: {}", chatId, failure.summary());
                }
                return null;
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
