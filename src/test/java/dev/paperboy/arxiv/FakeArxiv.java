package dev.paperboy.arxiv;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A small arXiv on 127.0.0.1: the export API at {@code /api/query} and the listing feeds under
 * {@code /rss/}, answering each request with the next scripted response for that path (or 404 when none
 * is left, which a test then sees as a failure). Records every request with its headers.
 */
final class FakeArxiv implements AutoCloseable {

    /**
     * One scripted answer; {@code declaredLength} above the body's length makes a cut-off transfer, and
     * {@code stalls} one that sends the body and then neither ends nor sends more until the fake is closed.
     */
    record Answer(int status, Map<String, String> headers, byte[] body, long declaredLength, boolean stalls) {
        Answer(int status, Map<String, String> headers, byte[] body, long declaredLength) {
            this(status, headers, body, declaredLength, false);
        }

        static Answer ok(String fixture) {
            return new Answer(200, Map.of("Content-Type", "application/atom+xml; charset=utf-8"),
                    FakeArxiv.fixture(fixture), -1);
        }

        static Answer status(int status, Map<String, String> headers) {
            return new Answer(status, headers, new byte[0], -1);
        }

        Answer withHeader(String name, String value) {
            Map<String, String> copy = new java.util.HashMap<>(headers);
            copy.put(name, value);
            return new Answer(status, copy, body, declaredLength, stalls);
        }
    }

    /** A request as the server saw it. */
    record Seen(String method, URI uri, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        String query() {
            return uri.getRawQuery() == null ? "" : java.net.URLDecoder.decode(uri.getRawQuery(),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final Deque<Answer> api = new ArrayDeque<>();
    private final Deque<Answer> rss = new ArrayDeque<>();
    private final List<Seen> seen = new ArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final ExecutorService handlers = Executors.newCachedThreadPool();

    FakeArxiv() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/query", exchange -> answer(exchange, api));
        server.createContext("/rss/", exchange -> answer(exchange, rss));
        // a thread per exchange: a stalled answer must not hold up the next request
        server.setExecutor(handlers);
        server.start();
    }

    String apiUrl() {
        return base() + "/api/query";
    }

    String rssUrl() {
        return base() + "/rss/";
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized FakeArxiv api(Answer... answers) {
        api.addAll(List.of(answers));
        return this;
    }

    synchronized FakeArxiv rss(Answer... answers) {
        rss.addAll(List.of(answers));
        return this;
    }

    synchronized List<Seen> requests() {
        return List.copyOf(seen);
    }

    private void answer(HttpExchange exchange, Deque<Answer> queue) throws IOException {
        Answer answer;
        synchronized (this) {
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI(),
                    Map.copyOf(exchange.getRequestHeaders())));
            answer = queue.poll();
        }
        try (exchange) {
            if (answer == null) {
                byte[] body = ("no scripted answer for " + exchange.getRequestURI()).getBytes();
                exchange.sendResponseHeaders(404, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            if (answer.status() == 304 || answer.body().length == 0 && answer.declaredLength() < 0) {
                exchange.sendResponseHeaders(answer.status(), -1);
                return;
            }
            long length = answer.declaredLength() >= 0 ? answer.declaredLength() : answer.body().length;
            exchange.sendResponseHeaders(answer.status(), length);
            OutputStream out = exchange.getResponseBody();
            out.write(answer.body());
            out.flush();
            if (answer.stalls()) {
                awaitClose();
            }
        }
    }

    static byte[] fixture(String name) {
        try (InputStream in = FakeArxiv.class.getResourceAsStream("/arxiv/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture /arxiv/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitClose() {
        try {
            closed.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }
}
