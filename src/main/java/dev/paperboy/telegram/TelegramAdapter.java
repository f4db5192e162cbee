package dev.paperboy.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.core.command.CommandRequest;
import dev.paperboy.core.command.TokenCache;
import dev.paperboy.config.PaperboyConfig;
import dev.paperboy.core.command.CommandDispatcher;
import dev.paperboy.core.delivery.MessageSender;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.longpolling.util.ExponentialBackOff;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.User;
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
    private final CommandDispatcher dispatcher;
    private final TelegramRenderer renderer;
    private final Options options;
    private final TelegramAdmins admins;
    private final FloodThrottle throttle;
    private final TokenCache<CommandRequest> queries;
    private final TelegramReplies replies;
    private final TelegramSearchButtons buttons;
    private final TelegramCallbackHandler callbacks;
    private final TelegramInlineHandler inline;
    private final TelegramSender sender;

    private volatile String botUsername;
    private TelegramBotsLongPollingApplication polling;
    private OkHttpClient pollingHttp;
    private ScheduledExecutorService pollingExecutor;
    private TelegramUpdateRouter router;
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
        Set<String> configuredAdmins = Set.copyOf(config.admins());
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        Objects.requireNonNull(clock, "clock");
        this.admins = new TelegramAdmins(connection, configuredAdmins, dispatcher, clock, options.chatAdminTtl());
        this.queries = new TokenCache<>(options.queryCacheSize(), options.queryCacheTtl(), clock);
        this.throttle = new FloodThrottle(options.floodLimit(), options.floodWindow(), clock);
        this.replies = new TelegramReplies(connection);
        this.buttons = new TelegramSearchButtons(renderer);
        this.callbacks = new TelegramCallbackHandler(connection, dispatcher, renderer, admins, throttle, queries,
                replies, buttons);
        this.inline = new TelegramInlineHandler(connection, dispatcher, renderer, admins);
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
        admins.registerMenus();

        TelegramMessageHandler messages = new TelegramMessageHandler(dispatcher, renderer, admins, throttle, queries,
                replies, buttons, botUsername);
        router = new TelegramUpdateRouter(options.workers(), connection, messages, callbacks, inline);
        pollingHttp = connection.pollingHttp(options.pollTimeoutSeconds());
        pollingExecutor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "telegram-poll");
            thread.setDaemon(true);
            return thread;
        });
        polling = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> pollingHttp,
                () -> pollingExecutor, ExponentialBackOff::new);
        TelegramUpdateRouter updates = router;
        LongPollingUpdateConsumer consumer = batch -> batch.forEach(updates::enqueue);
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

    /** The digest formatter that goes with {@link #sender()}, rendering as this adapter's replies do. */
    public TelegramDigestFormatter formatter() {
        return new TelegramDigestFormatter(renderer);
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
        if (router != null) {
            router.shutdown();
        }
    }
}
