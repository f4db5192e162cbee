package dev.paperboy.telegram;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * One bot's connection to a Bot API server: the HTTP client, the Telegram Bots client built on it,
 * and the token, which this class keeps out of every message it produces ({@link #redact}).
 * {@link #toString()} never shows the token.
 */
public final class TelegramConnection implements AutoCloseable {

    /** Telegram's own Bot API server. */
    public static final String DEFAULT_API_URL = "https://api.telegram.org";

    private final String token;
    private final TelegramUrl url;
    private final OkHttpClient http;
    private final TelegramClient client;
    private final Duration requestTimeout;

    /**
     * @param apiUrl         the Bot API server as {@code scheme://host[:port]}; null for Telegram's own
     * @param token          the bot token from {@code TELEGRAM_TOKEN}
     * @param requestTimeout how long one API call may take in all
     */
    public TelegramConnection(String apiUrl, String token, Duration requestTimeout) {
        Objects.requireNonNull(token, "token");
        if (token.isBlank() || token.chars().anyMatch(c -> c <= ' ' || c == '/')) {
            throw new IllegalArgumentException("the Telegram token is empty or contains spaces or slashes; "
                    + "copy it again from @BotFather");
        }
        this.token = token.strip();
        this.url = parse(apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : apiUrl);
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.http = new OkHttpClient.Builder()
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .build();
        this.client = new OkHttpTelegramClient(http, this.token, url);
    }

    public TelegramConnection(String apiUrl, String token) {
        this(apiUrl, token, Duration.ofSeconds(30));
    }

    /** The Telegram Bots client for API calls other than long polling. */
    public TelegramClient client() {
        return client;
    }

    /**
     * Calls a Bot API method and waits for the answer, at most the request timeout. Prefer this to
     * {@code client().execute}: the client's future is never completed when reading an answer's
     * body fails half-way (telegrambots-client 9.6, {@code OkHttpFutureCallback}), and its
     * {@code execute} would then wait forever.
     */
    public <T extends Serializable, M extends BotApiMethod<T>> T execute(M method) throws TelegramApiException {
        CompletableFuture<T> answer = client.executeAsync(method);
        try {
            return answer.get(requestTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TelegramApiException telegram) {
                throw telegram;
            }
            throw new TelegramApiException("Unable to execute " + method.getMethod() + " method", e.getCause());
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new TelegramApiException(method.getMethod() + " got no complete answer within "
                    + requestTimeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            throw new TelegramApiException(method.getMethod() + " was interrupted");
        }
    }

    TelegramUrl url() {
        return url;
    }

    String token() {
        return token;
    }

    /** An HTTP client for long polling: the same connection pool, with room for the poll's own timeout. */
    OkHttpClient pollingHttp(int pollTimeoutSeconds) {
        long millis = TimeUnit.SECONDS.toMillis(pollTimeoutSeconds + 15L);
        // A dispatcher of its own, so that stopping the poll cancels no reply in flight.
        return http.newBuilder().dispatcher(new Dispatcher()).readTimeout(millis, TimeUnit.MILLISECONDS)
                .callTimeout(millis, TimeUnit.MILLISECONDS).build();
    }

    /** The text with the token replaced, for anything that may end in a log or an exception. */
    public String redact(String text) {
        return text == null ? "" : text.replace(token, "<token>");
    }

    /** Where the server is, without the token. */
    public String describe() {
        return url.getSchema() + "://" + url.getHost() + ":" + url.getPort();
    }

    @Override
    public String toString() {
        return "TelegramConnection[" + describe() + "]";
    }

    @Override
    public void close() {
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private static TelegramUrl parse(String apiUrl) {
        URI uri;
        try {
            uri = URI.create(apiUrl.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("telegram.api-url is not a URL: " + apiUrl);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("telegram.api-url must be http(s)://host[:port], got " + apiUrl);
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
            throw new IllegalArgumentException("telegram.api-url must not have a path (the client adds /bot<token>/"
                    + "<method>), got " + apiUrl);
        }
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return new TelegramUrl(scheme, uri.getHost(), port, false);
    }
}
