package dev.paperboy.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.config.PaperboyConfig;
import dev.paperboy.core.LibraryPaper;
import dev.paperboy.core.Paper;
import dev.paperboy.core.SearchHit;
import dev.paperboy.core.SearchPage;
import dev.paperboy.core.command.Caller;
import dev.paperboy.core.command.Command;
import dev.paperboy.core.command.CommandDispatcher;
import dev.paperboy.core.command.CommandRequest;
import dev.paperboy.core.command.ErrorReply;
import dev.paperboy.core.command.Platform;
import dev.paperboy.core.command.Reply;
import dev.paperboy.core.command.SearchReply;
import dev.paperboy.core.delivery.MessageSender;
import dev.paperboy.core.render.AuthorList;
import dev.paperboy.core.render.PlainText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.longpolling.util.ExponentialBackOff;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScope;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChat;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChatMember;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;
import org.telegram.telegrambots.meta.api.objects.inlinequery.InlineQuery;
import org.telegram.telegrambots.meta.api.objects.inlinequery.inputmessagecontent.InputTextMessageContent;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResult;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultArticle;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Paperboy in Telegram: long-polls the Bot API with the Telegram Bots client and answers every core
 * command of the registry in private chats and groups ({@code /search} and
 * {@code /search@ThisBot}; commands for other bots are ignored), pages search results with inline
 * buttons, offers search in inline mode, and tells admins from everyone else. Replies are the
 * {@link TelegramRenderer}'s HTML with link previews off. The token is never logged and never part
 * of an exception message.
 *
 * <p>Use: construct, {@link #start()}, and {@link #close()} on shutdown. {@link #sender()} is the
 * delivery engine's way to post digests over the same connection.
 */
public final class TelegramAdapter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramAdapter.class);

    /** Telegram's stand-in sender of messages that a group's anonymous admins post. */
    private static final long GROUP_ANONYMOUS_BOT = 1087968824L;
    private static final int MAX_CALLBACK_TEXT = 200;
    private static final int MAX_INLINE_RESULTS = 50;
    private static final String EXPIRED = "This button has expired (Paperboy restarted or the search is old). "
            + "Please send the command again.";

    /**
     * Tuning that tests and busy deployments may change.
     *
     * @param pollTimeoutSeconds how long one getUpdates call waits for news (Telegram allows up to 50)
     * @param requestTimeout     how long any other API call may take
     * @param floodLimit         commands one user may send within {@code floodWindow}
     * @param floodWindow        the window of the flood limit
     * @param chatAdminTtl       how long a getChatMember answer is trusted
     * @param queryCacheSize     how many paged searches keep working buttons
     * @param queryCacheTtl      how long a paged search keeps working buttons
     * @param workers            how many chats are served at the same time (one chat's updates stay in order)
     */
    public record Options(int pollTimeoutSeconds, Duration requestTimeout, int floodLimit, Duration floodWindow,
                          Duration chatAdminTtl, int queryCacheSize, Duration queryCacheTtl, int workers) {

        public Options {
            if (pollTimeoutSeconds < 1 || pollTimeoutSeconds > 50) {
                throw new IllegalArgumentException("the poll timeout must be 1-50 seconds: " + pollTimeoutSeconds);
            }
            if (floodLimit < 1 || queryCacheSize < 1 || workers < 1) {
                throw new IllegalArgumentException("flood limit, cache size and workers must be positive");
            }
            Objects.requireNonNull(requestTimeout, "requestTimeout");
            Objects.requireNonNull(floodWindow, "floodWindow");
            Objects.requireNonNull(chatAdminTtl, "chatAdminTtl");
            Objects.requireNonNull(queryCacheTtl, "queryCacheTtl");
        }

        public static Options defaults() {
            return new Options(50, Duration.ofSeconds(30), 12, Duration.ofSeconds(30), Duration.ofMinutes(2),
                    20_000, Duration.ofDays(2), 4);
        }

        public Options withPollTimeoutSeconds(int seconds) {
            return new Options(seconds, requestTimeout, floodLimit, floodWindow, chatAdminTtl, queryCacheSize,
                    queryCacheTtl, workers);
        }

        public Options withFlood(int limit, Duration window) {
            return new Options(pollTimeoutSeconds, requestTimeout, limit, window, chatAdminTtl, queryCacheSize,
                    queryCacheTtl, workers);
        }

        public Options withRequestTimeout(Duration timeout) {
            return new Options(pollTimeoutSeconds, timeout, floodLimit, floodWindow, chatAdminTtl, queryCacheSize,
                    queryCacheTtl, workers);
        }
    }

    private final TelegramConnection connection;
    private final Set<String> admins;
    private final CommandDispatcher dispatcher;
    private final TelegramRenderer renderer;
    private final Clock clock;
    private final Options options;
    private final QueryCache queries;
    private final FloodThrottle throttle;
    private final Map<String, AdminCheck> chatAdminCache = boundedMap(10_000);
    private final Map<String, Boolean> adminMenus = boundedMap(10_000);
    private final TelegramSender sender;

    private volatile String botUsername;
    private TelegramBotsLongPollingApplication polling;
    private OkHttpClient pollingHttp;
    private ScheduledExecutorService pollingExecutor;
    private ExecutorService[] workers;
    private boolean closed;

    public TelegramAdapter(PaperboyConfig.Telegram config, String token, CommandDispatcher dispatcher,
                           TelegramRenderer renderer, Clock clock) {
        this(config, token, dispatcher, renderer, clock, Options.defaults());
    }

    /**
     * @param config     {@code telegram.api-url} (null for Telegram's own server) and {@code telegram.admins}
     * @param token      the bot token from {@code TELEGRAM_TOKEN}
     * @param dispatcher the core's commands
     * @param renderer   how replies become Telegram HTML
     * @param clock      for throttling and caches
     */
    public TelegramAdapter(PaperboyConfig.Telegram config, String token, CommandDispatcher dispatcher,
                           TelegramRenderer renderer, Clock clock, Options options) {
        this.options = Objects.requireNonNull(options, "options");
        this.connection = new TelegramConnection(config.apiUrl(), token, options.requestTimeout());
        this.admins = Set.copyOf(config.admins());
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.queries = new QueryCache(options.queryCacheSize(), options.queryCacheTtl(), clock);
        this.throttle = new FloodThrottle(options.floodLimit(), options.floodWindow(), clock);
        this.sender = new TelegramSender(connection);
    }

    /**
     * Checks the token with getMe, registers the command menus and starts long polling. Throws a
     * {@link TelegramAdapterException} (whose message never contains the token) when Telegram cannot
     * be reached or refuses the token.
     */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("this Telegram adapter was closed");
        }
        if (polling != null) {
            return;
        }
        User me;
        try {
            me = connection.execute(new GetMe());
        } catch (TelegramApiException e) {
            TelegramFailure failure = TelegramFailure.of(e, connection);
            throw new TelegramAdapterException(failure.code() == 401 || failure.code() == 404
                    ? "Telegram refused the bot token (" + failure.summary() + "); check TELEGRAM_TOKEN"
                    : "Telegram at " + connection.describe() + " could not be reached: " + failure.summary());
        }
        botUsername = me.getUserName();
        LOG.info("Telegram: signed in as @{} at {}", botUsername, connection.describe());
        if (me.getSupportInlineQueries() == null || !me.getSupportInlineQueries()) {
            LOG.info("Telegram: inline mode is off for @{}; enable it with /setinline in @BotFather", botUsername);
        }
        registerMenus();

        AtomicInteger threads = new AtomicInteger();
        workers = new ExecutorService[options.workers()];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = Executors.newSingleThreadExecutor(daemon("telegram-worker-" + threads.incrementAndGet()));
        }
        pollingHttp = connection.pollingHttp(options.pollTimeoutSeconds());
        pollingExecutor = Executors.newSingleThreadScheduledExecutor(daemon("telegram-poll"));
        polling = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> pollingHttp,
                () -> pollingExecutor, ExponentialBackOff::new);
        LongPollingUpdateConsumer consumer = updates -> updates.forEach(this::enqueue);
        try {
            polling.registerBot(connection.token(), connection::url, last -> GetUpdates.builder()
                    .offset(last + 1).limit(100).timeout(options.pollTimeoutSeconds())
                    .allowedUpdates(List.of("message", "callback_query", "inline_query")).build(), consumer);
        } catch (TelegramApiException e) {
            TelegramFailure failure = TelegramFailure.of(e, connection);
            stopPolling();
            throw new TelegramAdapterException("Telegram long polling could not start: " + failure.summary());
        }
    }

    /** The bot's username from getMe, without the @; null before {@link #start()}. */
    public String botUsername() {
        return botUsername;
    }

    /** The delivery engine's sender, over this adapter's connection. */
    public MessageSender sender() {
        return sender;
    }

    /** Stops polling and the workers; replies in progress get a moment to finish. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopPolling();
        connection.close();
    }

    private void stopPolling() {
        if (polling != null) {
            try {
                polling.close();
            } catch (Exception e) {
                LOG.debug("Telegram: stopping long polling: {}", connection.redact(String.valueOf(e)));
            }
            polling = null;
        }
        if (pollingHttp != null) {
            // Ends a getUpdates call that is waiting for news, instead of letting it run its timeout.
            pollingHttp.dispatcher().cancelAll();
        }
        if (pollingExecutor != null) {
            // Its thread is a daemon; the session is cancelled, so it ends after at most one back-off.
            pollingExecutor.shutdownNow();
        }
        if (workers != null) {
            for (ExecutorService worker : workers) {
                worker.shutdown();
            }
            for (ExecutorService worker : workers) {
                try {
                    if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                        worker.shutdownNow();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    worker.shutdownNow();
                }
            }
        }
    }

    // ---------------------------------------------------------------- command menus

    private void registerMenus() {
        List<Command> all = dispatcher.registry().all();
        List<BotCommand> everyone = menu(all.stream().filter(c -> !c.adminOnly()).toList());
        List<BotCommand> withAdmin = menu(all);
        setCommands(everyone, new BotCommandScopeDefault(), "everyone");
        if (withAdmin.size() == everyone.size()) {
            return;
        }
        for (String admin : admins) {
            // A private chat's id is the user's id; this fails until the admin has started the bot,
            // and is tried again when they first write to it (see adminMenu).
            if (setCommands(withAdmin, new BotCommandScopeChat(admin), null)) {
                adminMenus.put(admin + ":" + admin, true);
            } else {
                LOG.info("Telegram: admin {} has not started a chat with the bot yet; their menu shows the admin "
                        + "commands after they write to it", admin);
            }
        }
    }

    /** Shows the admin commands to a configured admin in this chat, once per chat. */
    private void adminMenu(String chatId, String userId, boolean privateChat) {
        String key = chatId + ":" + userId;
        synchronized (adminMenus) {
            if (adminMenus.containsKey(key)) {
                return;
            }
            adminMenus.put(key, true);
        }
        List<BotCommand> withAdmin = menu(dispatcher.registry().all());
        BotCommandScope scope = privateChat ? new BotCommandScopeChat(chatId)
                : new BotCommandScopeChatMember(chatId, Long.parseLong(userId));
        setCommands(withAdmin, scope, null);
    }

    private static List<BotCommand> menu(List<Command> commands) {
        return commands.stream().limit(100).map(c -> new BotCommand(c.name(), c.description())).toList();
    }

    private boolean setCommands(List<BotCommand> commands, BotCommandScope scope, String what) {
        if (commands.isEmpty()) {
            return true;
        }
        try {
            connection.execute(SetMyCommands.builder().commands(commands).scope(scope).build());
            if (what != null) {
                LOG.info("Telegram: command menu for {}: {}", what,
                        commands.stream().map(BotCommand::getCommand).toList());
            }
            return true;
        } catch (TelegramApiException e) {
            LOG.debug("Telegram: setMyCommands for scope {} failed: {}", scope.getType(),
                    TelegramFailure.of(e, connection).summary());
            return false;
        }
    }

    // ---------------------------------------------------------------- updates

    private void enqueue(Update update) {
        String key = update.hasMessage() ? String.valueOf(update.getMessage().getChatId())
                : update.hasCallbackQuery() ? String.valueOf(update.getCallbackQuery().getFrom().getId())
                : update.hasInlineQuery() ? String.valueOf(update.getInlineQuery().getFrom().getId()) : "";
        ExecutorService[] pool = workers;
        if (pool == null) {
            return;
        }
        try {
            pool[Math.floorMod(key.hashCode(), pool.length)].execute(() -> handle(update));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("Telegram: update {} arrived while stopping", update.getUpdateId());
        }
    }

    /** Handles one update; nothing a user sends escapes as an exception. */
    void handle(Update update) {
        try {
            if (update.hasMessage()) {
                onMessage(update.getMessage());
            } else if (update.hasCallbackQuery()) {
                onCallback(update.getCallbackQuery());
            } else if (update.hasInlineQuery()) {
                onInlineQuery(update.getInlineQuery());
            }
        } catch (RuntimeException e) {
            LOG.error("Telegram: update {} failed: {}", update.getUpdateId(), connection.redact(String.valueOf(e)),
                    new RedactedTrace(e, connection));
        }
    }

    private void onMessage(Message message) {
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
                reply(chatId, thread, List.of(new TelegramMessage("I answer commands. Try <code>/search "
                        + TelegramRenderer.escape(PlainText.shorten(PlainText.oneLine(text), 60))
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
        boolean admin = admins.contains(userId);
        Caller caller = new Caller(Platform.TELEGRAM, chatId, userId, admin,
                privateChat || admin || anonymousAdmin || isChatAdmin(chatId, from.getId()), privateChat);
        if (admin) {
            adminMenu(chatId, userId, privateChat);
        }
        if (start) {
            reply(chatId, thread, welcome(caller), null);
            return;
        }
        Reply reply = dispatcher.dispatch(request, caller);
        String token = reply instanceof SearchReply search && search.page().pageCount() > 1
                ? queries.put(request) : null;
        sendReply(chatId, thread, reply, token);
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

    private boolean allowed(String chatId, Integer thread, String userId) {
        return switch (throttle.check(userId)) {
            case ALLOW -> true;
            case NOTIFY -> {
                reply(chatId, thread, List.of(new TelegramMessage("⏳ You are sending commands faster than I can "
                        + "answer. Please wait a few seconds.")), null);
                yield false;
            }
            case DROP -> false;
        };
    }

    private boolean isChatAdmin(String chatId, long userId) {
        String key = chatId + ":" + userId;
        Instant now = clock.instant();
        synchronized (chatAdminCache) {
            AdminCheck cached = chatAdminCache.get(key);
            if (cached != null && cached.at().plus(options.chatAdminTtl()).isAfter(now)) {
                return cached.admin();
            }
        }
        boolean isAdmin;
        try {
            ChatMember member = connection.execute(new GetChatMember(chatId, userId));
            isAdmin = "creator".equals(member.getStatus()) || "administrator".equals(member.getStatus());
        } catch (TelegramApiException e) {
            LOG.debug("Telegram: getChatMember in {} failed: {}", chatId, TelegramFailure.of(e, connection).summary());
            return false;
        }
        synchronized (chatAdminCache) {
            chatAdminCache.put(key, new AdminCheck(now, isAdmin));
        }
        return isAdmin;
    }

    // ---------------------------------------------------------------- replies and buttons

    private void sendReply(String chatId, Integer thread, Reply reply, String token) {
        List<TelegramMessage> messages = renderForButtons(reply);
        reply(chatId, thread, messages, keyboard(reply, token));
    }

    /** A search page is rendered into one message where possible, so that paging can edit it in place. */
    private List<TelegramMessage> renderForButtons(Reply reply) {
        List<TelegramMessage> messages = renderer.render(reply);
        if (reply instanceof SearchReply && messages.size() > 1) {
            List<TelegramMessage> shorter = new TelegramRenderer(0, 40).render(reply);
            if (shorter.size() < messages.size()) {
                return shorter;
            }
        }
        return messages;
    }

    /** Paging (previous, page n of m, next) and "more" buttons for a search page; null for other replies. */
    private InlineKeyboardMarkup keyboard(Reply reply, String token) {
        if (!(reply instanceof SearchReply search)) {
            return null;
        }
        SearchPage page = search.page();
        List<InlineKeyboardRow> rows = new ArrayList<>();
        InlineKeyboardRow more = new InlineKeyboardRow();
        int first = (page.page() - 1) * page.pageSize() + 1;
        for (int i = 0; i < page.hits().size(); i++) {
            Paper paper = page.hits().get(i).paper().paper();
            CallbackData data = new CallbackData.More(paper.arxivId() == null ? "" : paper.arxivId());
            if (paper.arxivId() != null && CallbackData.fits(data)) {
                more.add(button("📄 " + (first + i), data));
            }
        }
        for (int i = 0; i < more.size(); i += 5) {
            rows.add(new InlineKeyboardRow(more.subList(i, Math.min(more.size(), i + 5))));
        }
        if (token != null && page.pageCount() > 1) {
            InlineKeyboardRow paging = new InlineKeyboardRow();
            if (page.page() > 1) {
                paging.add(button("« Previous", new CallbackData.Page(token, page.page() - 1)));
            }
            paging.add(button("Page " + page.page() + " of " + page.pageCount(), new CallbackData.Noop()));
            if (page.page() < page.pageCount()) {
                paging.add(button("Next »", new CallbackData.Page(token, page.page() + 1)));
            }
            rows.add(paging);
        }
        return rows.isEmpty() ? null : new InlineKeyboardMarkup(rows);
    }

    private static InlineKeyboardButton button(String text, CallbackData data) {
        return InlineKeyboardButton.builder().text(text).callbackData(CallbackData.encode(data)).build();
    }

    /** Sends the messages in order, the keyboard under the last one; returns the last message sent. */
    private Message reply(String chatId, Integer thread, List<TelegramMessage> messages, InlineKeyboardMarkup keyboard) {
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

    private static LinkPreviewOptions noPreview() {
        return LinkPreviewOptions.builder().isDisabled(true).build();
    }

    // ---------------------------------------------------------------- callbacks

    private void onCallback(CallbackQuery query) {
        String notice = null;
        try {
            notice = callback(query);
        } finally {
            answer(query.getId(), notice);
        }
    }

    /** Acts on a button; returns the short notice to show, or null for none. */
    private String callback(CallbackQuery query) {
        Optional<CallbackData> data = CallbackData.decode(query.getData());
        MaybeInaccessibleMessage message = query.getMessage();
        if (data.isEmpty() || message == null) {
            return "This button no longer works. Please send the command again.";
        }
        if (data.get() instanceof CallbackData.Noop) {
            return null;
        }
        String userId = String.valueOf(query.getFrom().getId());
        if (throttle.check(userId) != FloodThrottle.Verdict.ALLOW) {
            return "⏳ Too many requests; please wait a few seconds.";
        }
        Chat chat = message.getChat();
        String chatId = String.valueOf(message.getChatId());
        boolean privateChat = chat != null && "private".equals(chat.getType());
        boolean admin = admins.contains(userId);
        Integer thread = message instanceof Message full && full.isTopicMessage() ? full.getMessageThreadId() : null;
        Caller caller = new Caller(Platform.TELEGRAM, chatId, userId, admin, privateChat || admin, privateChat);

        if (data.get() instanceof CallbackData.More more) {
            Reply reply = dispatcher.dispatch(new CommandRequest("paper", more.arxivId()), caller);
            if (reply instanceof ErrorReply error) {
                return shortNotice(error.message());
            }
            reply(chatId, thread, renderer.render(reply), null);
            return null;
        }
        CallbackData.Page page = (CallbackData.Page) data.get();
        Optional<CommandRequest> request = queries.get(page.token(), page.page());
        if (request.isEmpty()) {
            return EXPIRED;
        }
        Reply reply = dispatcher.dispatch(request.get(), caller);
        if (reply instanceof ErrorReply error) {
            return shortNotice(error.message());
        }
        List<TelegramMessage> messages = renderForButtons(reply);
        InlineKeyboardMarkup keyboard = keyboard(reply, page.token());
        if (messages.size() == 1 && message instanceof Message) {
            if (edit(chatId, message.getMessageId(), messages.get(0), keyboard)) {
                return null;
            }
        }
        reply(chatId, thread, messages, keyboard);
        return null;
    }

    /** Edits a message in place; false when it cannot be edited (too old, deleted) and must be sent anew. */
    private boolean edit(String chatId, Integer messageId, TelegramMessage message, InlineKeyboardMarkup keyboard) {
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

    // ---------------------------------------------------------------- inline mode

    private void onInlineQuery(InlineQuery query) {
        String text = query.getQuery() == null ? "" : query.getQuery().strip();
        int page = 1;
        if (query.getOffset() != null && query.getOffset().matches("[0-9]{1,6}")) {
            page = Math.max(1, Integer.parseInt(query.getOffset()));
        }
        List<InlineQueryResult> results = new ArrayList<>();
        String nextOffset = "";
        if (!text.isEmpty() && dispatcher.registry().find("search").isPresent()) {
            String userId = String.valueOf(query.getFrom().getId());
            Caller caller = new Caller(Platform.TELEGRAM, "inline:" + userId, userId, admins.contains(userId), false,
                    false);
            Reply reply = dispatcher.dispatch(new CommandRequest("search", text, page), caller);
            if (reply instanceof SearchReply search) {
                for (SearchHit hit : search.page().hits()) {
                    if (results.size() < MAX_INLINE_RESULTS) {
                        results.add(article(hit.paper()));
                    }
                }
                if (search.page().page() < search.page().pageCount()) {
                    nextOffset = Integer.toString(search.page().page() + 1);
                }
            }
        }
        try {
            connection.execute(AnswerInlineQuery.builder().inlineQueryId(query.getId()).results(results)
                    .cacheTime(60).isPersonal(false).nextOffset(nextOffset).build());
        } catch (TelegramApiException e) {
            LOG.debug("Telegram: answering an inline query failed: {}", TelegramFailure.of(e, connection).summary());
        }
    }

    private InlineQueryResultArticle article(LibraryPaper paper) {
        String authors = AuthorList.format(paper.paper().authors(), 3);
        String description = PlainText.shorten(PlainText.oneLine(String.join(" · ",
                java.util.stream.Stream.of(authors, paper.date() == null ? "" : paper.date().toString(),
                        paper.primaryTopic()).filter(s -> !s.isBlank()).toList())), 200);
        InlineQueryResultArticle.InlineQueryResultArticleBuilder<?, ?> article = InlineQueryResultArticle.builder()
                .id(resultId(paper))
                .title(PlainText.shorten(PlainText.oneLine(paper.paper().title()), 200))
                .inputMessageContent(InputTextMessageContent.builder()
                        .messageText(renderer.renderPaperCard(paper).html()).parseMode("HTML")
                        .linkPreviewOptions(noPreview()).build());
        if (!description.isEmpty()) {
            article.description(description);
        }
        if (paper.paper().absUrl() != null) {
            article.url(paper.paper().absUrl());
        }
        return article.build();
    }

    /** A result id within Telegram's 64 bytes: a hash of the paper's key. */
    private static String resultId(LibraryPaper paper) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(paper.key().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static String firstWord(String text) {
        String stripped = text.strip();
        int end = 0;
        while (end < stripped.length() && !Character.isWhitespace(stripped.charAt(end))) {
            end++;
        }
        return stripped.substring(0, end);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static <V> Map<String, V> boundedMap(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }

    private record AdminCheck(Instant at, boolean admin) {
    }

    /** A stack trace for the log whose message has the token removed. */
    private static final class RedactedTrace extends RuntimeException {
        RedactedTrace(Throwable original, TelegramConnection connection) {
            super(connection.redact(original.getClass().getName() + ": " + original.getMessage()), null, false, true);
            setStackTrace(original.getStackTrace());
        }
    }
}
