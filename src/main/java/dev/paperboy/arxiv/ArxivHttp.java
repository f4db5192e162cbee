package dev.paperboy.arxiv;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A polite HTTP client for arXiv: one request at a time on one connection, paced by a {@link RequestPacer},
 * with a descriptive User-Agent, conditional requests, and back-off on errors that honours
 * {@code Retry-After}. Only 200 with a body and 304 count as answers; everything else ends in a
 * {@link FetchFailure} whose reason says what went wrong.
 */
public final class ArxivHttp {

    private static final Logger LOG = LoggerFactory.getLogger(ArxivHttp.class);

    /**
     * Far over an export API page of the largest batch a topic asks for (a few MB), and small enough that reading
     * and parsing it fits the bot's 256 MB heap (a 32 MB feed did not).
     */
    static final int MAX_BODY_BYTES = 16 << 20;
    /** Of an error page, enough to quote its start. */
    private static final int ERROR_BODY_BYTES = 64 << 10;

    private final HttpClient client;
    private final String userAgent;
    private final RequestPacer pacer;
    private final RetryPolicy retry;
    private final Ticker ticker;
    private final Clock clock;
    private final Duration timeout;

    /** An answer: a body with the validators to send next time, or "not modified" since those validators. */
    public record Response(boolean notModified, byte[] body, Validators validators) {
        public Response {
            body = body == null ? new byte[0] : body;
            validators = Objects.requireNonNullElse(validators, Validators.NONE);
        }
    }

    public ArxivHttp(HttpClient client, String userAgent, RequestPacer pacer, RetryPolicy retry, Ticker ticker,
                     Clock clock, Duration timeout) {
        this.client = client;
        this.userAgent = userAgent;
        this.pacer = pacer;
        this.retry = retry;
        this.ticker = ticker;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** A client for production use: HTTP/1.1 (one connection reused), no redirects to other schemes. */
    public static HttpClient defaultClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** The User-Agent arXiv asks for: who we are and how to reach whoever runs this instance. */
    public static String userAgent(String version, String contact) {
        return "Paperboy/" + version + " (research digest bot; "
                + (contact == null ? "contact not configured: set arxiv.contact" : "mailto:" + contact) + ")";
    }

    /** GETs the URI, trying again after transient failures; sends {@code validators} as a conditional request. */
    public Response get(URI uri, Validators validators) throws FetchFailure {
        String lastProblem = "no attempt made";
        for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
            Duration wait;
            try {
                pacer.awaitTurn();
                HttpResponse<InputStream> response = client.send(request(uri, validators),
                        HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                if (status == 200 && response.headers().firstValueAsLong("Content-Length").orElse(0) > MAX_BODY_BYTES) {
                    response.body().close();
                    throw tooLarge(uri);
                }
                byte[] body = IdleDeadlineReader.readUpTo(response.body(), status == 200 ? MAX_BODY_BYTES : ERROR_BODY_BYTES,
                        timeout);
                if (status == 304) {
                    return new Response(true, null, validators);
                }
                if (status == 200) {
                    if (body.length > MAX_BODY_BYTES) {
                        throw tooLarge(uri);
                    }
                    if (body.length == 0) {
                        lastProblem = "an empty response";
                        wait = retry.backoff(attempt);
                    } else {
                        return new Response(false, body, new Validators(
                                response.headers().firstValue("ETag").orElse(null),
                                response.headers().firstValue("Last-Modified").orElse(null)));
                    }
                } else if (status == 429 || status >= 500) {
                    lastProblem = "HTTP " + status;
                    Optional<Duration> retryAfter = retryAfter(response);
                    if (retryAfter.isPresent() && retryAfter.get().compareTo(retry.maxRetryAfter()) > 0) {
                        throw new FetchFailure("arXiv answered HTTP " + status + " and asked to wait "
                                + retryAfter.get().toSeconds() + " s (Retry-After); trying again at the next run");
                    }
                    wait = retryAfter.orElse(retry.backoff(attempt));
                } else {
                    throw new FetchFailure("arXiv answered HTTP " + status + " for " + uri + snippet(body));
                }
            } catch (IOException e) {
                lastProblem = describe(e);
                wait = retry.backoff(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchFailure("interrupted while fetching " + uri, e);
            }
            if (attempt < retry.attempts()) {
                LOG.info("arXiv request {} failed ({}); try {} of {} in {} s", uri, lastProblem, attempt + 1,
                        retry.attempts(), wait.toSeconds());
                try {
                    ticker.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new FetchFailure("interrupted while waiting to retry " + uri, e);
                }
            }
        }
        throw new FetchFailure("could not fetch " + uri + ": " + lastProblem + " (" + retry.attempts()
                + (retry.attempts() == 1 ? " try)" : " tries)"));
    }

    private HttpRequest request(URI uri, Validators validators) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).GET().timeout(timeout)
                .header("User-Agent", userAgent)
                .header("Accept", "application/atom+xml, application/rss+xml, application/xml;q=0.9, */*;q=0.1");
        if (validators.etag() != null) {
            builder.header("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null) {
            builder.header("If-Modified-Since", validators.lastModified());
        }
        return builder.build();
    }

    /** Retry-After is either seconds or an HTTP date. */
    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::strip);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration until = Duration.between(clock.instant(), at);
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private static String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "connection refused or unreachable" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
        }
        if (e instanceof HttpTimeoutException) {
            return "timed out";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.contains("content-length") || message.contains("EOF") || message.contains("closed")) {
            return "the response was cut off (" + message + ")";
        }
        return message;
    }

    /** An answer over {@link #MAX_BODY_BYTES}: not used, and not worth trying again. */
    private static FetchFailure tooLarge(URI uri) {
        return new FetchFailure("arXiv's answer to " + uri + " is over " + (MAX_BODY_BYTES >> 20) + " MB, more than"
                + " any listing should be; it was not used (lower the topic's max-results if it is set high)");
    }

    private static String snippet(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ")
                .strip();
        return text.isEmpty() ? "" : ": " + (text.length() > 160 ? text.substring(0, 160) + "…" : text);
    }
}
