package dev.paperboy.telegram;

import dev.paperboy.core.command.TokenCache;
import dev.paperboy.core.command.Caller;
import dev.paperboy.core.command.CommandDispatcher;
import dev.paperboy.core.command.CommandRequest;
import dev.paperboy.core.command.Platform;
import dev.paperboy.core.command.Reply;
import dev.paperboy.core.command.SearchReply;
import dev.paperboy.core.command.TypedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Answers a chat message: picks out a command meant for this bot ({@code /search} or
 * {@code /search@ThisBot}, never another bot's), applies the flood limit, works out the caller's role and
 * sends the core's reply.
 */
final class TelegramMessageHandler {

    /** Telegram's stand-in sender of messages that a group's anonymous admins post. */
    private static final long GROUP_ANONYMOUS_BOT = 1087968824L;

    private final CommandDispatcher dispatcher;
    private final TelegramRenderer renderer;
    private final TelegramAdmins admins;
    private final FloodThrottle throttle;
    private final TokenCache<CommandRequest> queries;
    private final TelegramReplies replies;
    private final TelegramSearchButtons buttons;
    private final String botUsername;

    /** @param botUsername the bot's username from getMe, without the @ */
    TelegramMessageHandler(CommandDispatcher dispatcher, TelegramRenderer renderer, TelegramAdmins admins,
                           FloodThrottle throttle, TokenCache<CommandRequest> queries, TelegramReplies replies,
                           TelegramSearchButtons buttons, String botUsername) {
        this.dispatcher = dispatcher;
        this.renderer = renderer;
        this.admins = admins;
        this.throttle = throttle;
        this.queries = queries;
        this.replies = replies;
        this.buttons = buttons;
        this.botUsername = botUsername;
    }

    void handle(Message message) {
        User from = message.getFrom();
        if (from == null || !message.hasText()) {
            return;
        }
        Chat chat = message.getChat();
        boolean anonymousAdmin = message.getSenderChat() != null
                && Objects.equals(message.getSenderChat().getId(), chat.getId());
        if (Boolean.TRUE.equals(from.getIsBot()) && !(anonymousAdmin && from.getId() == GROUP_ANONYMOUS_BOT)) {
            return;
        }
        boolean privateChat = "private".equals(chat.getType());
        String chatId = String.valueOf(chat.getId());
        String userId = String.valueOf(from.getId());
        Integer thread = message.isTopicMessage() ? message.getMessageThreadId() : null;
        String text = message.getText();

        Optional<CommandRequest> parsed = CommandDispatcher.parse(text, botUsername);
        if (parsed.isEmpty()) {
            if (privateChat && !text.strip().startsWith("/") && allowed(chatId, thread, userId)) {
                replies.send(chatId, thread, List.of(new TelegramMessage("I answer commands. Try <code>/search "
                        + TelegramRenderer.escape(TypedText.query(text))
                        + "</code>, /latest or /help.")), null);
            }
            return;
        }
        CommandRequest request = parsed.get();
        boolean addressed = firstWord(text).contains("@");
        boolean known = dispatcher.registry().find(request.name()).isPresent();
        boolean start = request.name().equals("start") && !known;
        if (!known && !start && !privateChat && !addressed) {
            return; // a bare /command in a group may well be another bot's
        }
        if (!allowed(chatId, thread, userId)) {
            return;
        }
        boolean admin = admins.isConfigured(userId);
        Caller caller = new Caller(Platform.TELEGRAM, chatId, userId, admin,
                privateChat || admin || anonymousAdmin || admins.isChatAdmin(chatId, from.getId()), privateChat);
        if (admin) {
            admins.showAdminMenu(chatId, userId, privateChat);
        }
        if (start) {
            replies.send(chatId, thread, welcome(caller), null);
            return;
        }
        Reply reply = dispatcher.dispatch(request, caller);
        String token = reply instanceof SearchReply search && search.page().pageCount() > 1
                ? queries.put(request) : null;
        replies.send(chatId, thread, buttons.render(reply), buttons.keyboard(reply, token));
    }

    private List<TelegramMessage> welcome(Caller caller) {
        List<TelegramMessage> messages = new ArrayList<>();
        messages.add(new TelegramMessage("👋 <b>Hello, I am Paperboy.</b>\nI deliver daily research-paper digests "
                + "and search every paper I know.\n\nTry:\n<code>/search vision transformer</code>\n"
                + "<code>/latest</code>\n<code>/topics</code>"
                + (botUsername == null ? "" : "\n\nIn any chat, type <code>@" + TelegramRenderer.escape(botUsername)
                + " your words</code> to share a paper.")));
        dispatcher.registry().find("help").ifPresent(help ->
                messages.addAll(renderer.render(dispatcher.dispatch(new CommandRequest("help", ""), caller))));
        return messages;
    }

    /** Whether the user is within the flood limit; the first time they are not, they are told to wait. */
    private boolean allowed(String chatId, Integer thread, String userId) {
        return switch (throttle.check(userId)) {
            case ALLOW -> true;
            case NOTIFY -> {
                replies.send(chatId, thread, List.of(new TelegramMessage("⏳ You are sending commands faster than I "
                        + "can answer. Please wait a few seconds.")), null);
                yield false;
            }
            case DROP -> false;
        };
    }

    private static String firstWord(String text) {
        String stripped = text.strip();
        int end = 0;
        while (end < stripped.length() && !Character.isWhitespace(stripped.charAt(end))) {
            end++;
        }
        return stripped.substring(0, end);
    }
}
