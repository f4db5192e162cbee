package dev.paperboy.telegram;

import dev.paperboy.core.command.TokenCache;
import dev.paperboy.core.command.Caller;
import dev.paperboy.core.command.CommandDispatcher;
import dev.paperboy.core.command.CommandRequest;
import dev.paperboy.core.command.ErrorReply;
import dev.paperboy.core.command.Platform;
import dev.paperboy.core.command.Reply;
import dev.paperboy.core.render.PlainText;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/** Acts on a tap of an inline button (turn a search page in place, or show one paper) and always answers the tap. */
final class TelegramCallbackHandler {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramCallbackHandler.class);

    private static final int MAX_CALLBACK_TEXT = 200;
    private static final String EXPIRED = "This button has expired (Paperboy restarted or the search is old). "
            + "Please send the command again.";

    private final TelegramConnection connection;
    private final CommandDispatcher dispatcher;
    private final TelegramRenderer renderer;
    private final TelegramAdmins admins;
    private final FloodThrottle throttle;
    private final TokenCache<CommandRequest> queries;
    private final TelegramReplies replies;
    private final TelegramSearchButtons buttons;

    TelegramCallbackHandler(TelegramConnection connection, CommandDispatcher dispatcher, TelegramRenderer renderer,
                            TelegramAdmins admins, FloodThrottle throttle, TokenCache<CommandRequest> queries,
                            TelegramReplies replies, TelegramSearchButtons buttons) {
        this.connection = connection;
        this.dispatcher = dispatcher;
        this.renderer = renderer;
        this.admins = admins;
        this.throttle = throttle;
        this.queries = queries;
        this.replies = replies;
        this.buttons = buttons;
    }

    /**
     * Answers the button as soon as its reply is known, and only then sends or edits: sending waits for
     * Telegram and its rate limits, and until the answer the user's button shows a spinner.
     */
    void handle(CallbackQuery query) {
        Outcome outcome = Outcome.notice(null);
        try {
            outcome = callback(query);
        } finally {
            answer(query.getId(), outcome.notice());
        }
        outcome.delivery().run();
    }

    /** What a button press comes to: a short notice for the button, and the messages to send after it. */
    private record Outcome(String notice, Runnable delivery) {

        static Outcome notice(String notice) {
            return new Outcome(notice, () -> { });
        }

        static Outcome deliver(Runnable delivery) {
            return new Outcome(null, delivery);
        }
    }

    private Outcome callback(CallbackQuery query) {
        Optional<CallbackData> data = CallbackData.decode(query.getData());
        MaybeInaccessibleMessage message = query.getMessage();
        if (data.isEmpty() || message == null) {
            return Outcome.notice("This button no longer works. Please send the command again.");
        }
        if (data.get() instanceof CallbackData.Noop) {
            return Outcome.notice(null);
        }
        String userId = String.valueOf(query.getFrom().getId());
        if (throttle.check(userId) != FloodThrottle.Verdict.ALLOW) {
            return Outcome.notice("⏳ Too many requests; please wait a few seconds.");
        }
        Chat chat = message.getChat();
        String chatId = String.valueOf(message.getChatId());
        boolean privateChat = chat != null && "private".equals(chat.getType());
        boolean admin = admins.isConfigured(userId);
        Integer thread = message instanceof Message full && full.isTopicMessage() ? full.getMessageThreadId() : null;
        Caller caller = new Caller(Platform.TELEGRAM, chatId, userId, admin, privateChat || admin, privateChat);

        if (data.get() instanceof CallbackData.More more) {
            Reply reply = dispatcher.dispatch(new CommandRequest("paper", more.arxivId()), caller);
            if (reply instanceof ErrorReply error) {
                return Outcome.notice(shortNotice(error.message()));
            }
            return Outcome.deliver(() -> replies.send(chatId, thread, renderer.render(reply), null));
        }
        CallbackData.Page page = (CallbackData.Page) data.get();
        Optional<CommandRequest> request = queries.get(page.token())
                .map(r -> new CommandRequest(r.name(), r.arguments(), page.page()));
        if (request.isEmpty()) {
            return Outcome.notice(EXPIRED);
        }
        Reply reply = dispatcher.dispatch(request.get(), caller);
        if (reply instanceof ErrorReply error) {
            return Outcome.notice(shortNotice(error.message()));
        }
        List<TelegramMessage> messages = buttons.render(reply);
        InlineKeyboardMarkup keyboard = buttons.keyboard(reply, page.token());
        return Outcome.deliver(() -> {
            if (messages.size() == 1 && message instanceof Message
                    && replies.edit(chatId, message.getMessageId(), messages.get(0), keyboard)) {
                return;
            }
            replies.send(chatId, thread, messages, keyboard);
        });
    }

    private void answer(String callbackId, String notice) {
        try {
            connection.execute(AnswerCallbackQuery.builder().callbackQueryId(callbackId)
                    .text(notice == null ? null : shortNotice(notice)).build());
        } catch (TelegramApiException e) {
            LOG.debug("Telegram: answering a button failed: {}", TelegramFailure.of(e, connection).summary());
        }
    }

    private static String shortNotice(String text) {
        return PlainText.shorten(PlainText.oneLine(text), MAX_CALLBACK_TEXT);
    }
}
