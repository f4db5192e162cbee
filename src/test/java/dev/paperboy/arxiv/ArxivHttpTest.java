package dev.paperboy.arxiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.paperboy.arxiv.FakeArxiv.Answer;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ArxivHttpTest {

    private final FakeArxiv arxiv = new FakeArxiv();
    private final FakeTicker ticker = new FakeTicker();
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T01:30:00Z"), ZoneOffset.UTC);
    private final RetryPolicy retry = new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofSeconds(40),
            Duration.ofMinutes(5));

    @AfterEach
    void stop() {
        arxiv.close();
    }

    private ArxivHttp http() {
        return new ArxivHttp(ArxivHttp.defaultClient(), ArxivHttp.userAgent("test", "admin@example.org"),
                new RequestPacer(Duration.ofSeconds(3), ticker), retry, ticker, clock, Duration.ofSeconds(10));
    }

    private URI api() {
        return URI.create(arxiv.apiUrl() + "?search_query=all:test");
    }

    @Test
    void sendsADescriptiveUserAgentAndReturnsTheBodyAndValidators() throws Exception {
        arxiv.api(Answer.ok("api-current.xml").withHeader("ETag", "\"v1\"")
                .withHeader("Last-Modified", "Mon, 02 Mar 2026 05:00:00 GMT"));

        ArxivHttp.Response response = http().get(api(), Validators.NONE);

        assertThat(response.notModified()).isFalse();
        assertThat(response.body()).isEqualTo(FakeArxiv.fixture("api-current.xml"));
        assertThat(response.validators()).isEqualTo(new Validators("\"v1\"", "Mon, 02 Mar 2026 05:00:00 GMT"));
        FakeArxiv.Seen seen = arxiv.requests().get(0);
        assertThat(seen.header("User-Agent")).isEqualTo("Paperboy/test (research digest bot; mailto:admin@example.org)");
        assertThat(seen.header("If-None-Match")).isNull();
    }

    @Test
    void requestsAreAtLeastThreeSecondsApart() throws Exception {
        arxiv.api(Answer.ok("api-current.xml"), Answer.ok("api-current.xml"), Answer.ok("api-current.xml"));
        ArxivHttp http = http();

        http.get(api(), Validators.NONE);
        ticker.advance(Duration.ofSeconds(1));
        http.get(api(), Validators.NONE);
        http.get(api(), Validators.NONE);

        assertThat(ticker.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(3));
    }

    @Test
    void honoursRetryAfterOn503ThenSucceeds() throws Exception {
        arxiv.api(Answer.status(503, Map.of("Retry-After", "7")), Answer.ok("api-current.xml"));

        ArxivHttp.Response response = http().get(api(), Validators.NONE);

        assertThat(response.body()).isNotEmpty();
        assertThat(arxiv.requests()).hasSize(2);
        assertThat(ticker.sleeps()).as("the Retry-After wait covers the pacing too").containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() throws Exception {
        arxiv.api(Answer.status(503, Map.of("Retry-After", "Mon, 02 Mar 2026 01:30:20 GMT")),
                Answer.ok("api-current.xml"));

        http().get(api(), Validators.NONE);

        assertThat(ticker.sleeps()).containsExactly(Duration.ofSeconds(20));
    }

    @Test
    void aRetryAfterLongerThanThePolicyAllowsEndsTheFetch() {
        arxiv.api(Answer.status(503, Map.of("Retry-After", "3600")));

        assertThatThrownBy(() -> http().get(api(), Validators.NONE)).isInstanceOf(FetchFailure.class)
                .hasMessage("arXiv answered HTTP 503 and asked to wait 3600 s (Retry-After); trying again at the"
                        + " next run");
        assertThat(arxiv.requests()).hasSize(1);
    }

    @Test
    void serverErrorsBackOffThenGiveUp() {
        arxiv.api(Answer.status(500, Map.of()), Answer.status(502, Map.of()), Answer.status(500, Map.of()));

        assertThatThrownBy(() -> http().get(api(), Validators.NONE)).isInstanceOf(FetchFailure.class)
                .hasMessageContaining("HTTP 500 (3 tries)");
        assertThat(ticker.sleeps()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20));
    }

    @Test
    void aClientErrorIsNotRetried() {
        arxiv.api(new Answer(400, Map.of(), "<p>Bad query</p>".getBytes(), -1));

        assertThatThrownBy(() -> http().get(api(), Validators.NONE)).isInstanceOf(FetchFailure.class)
                .hasMessageContaining("HTTP 400").hasMessageContaining("Bad query");
        assertThat(arxiv.requests()).hasSize(1);
    }

    @Test
    void aConditionalRequestAnswered304IsNotModified() throws Exception {
        arxiv.rss(Answer.status(304, Map.of("ETag", "\"v1\"")));
        Validators known = new Validators("\"v1\"", "Mon, 02 Mar 2026 05:00:00 GMT");

        ArxivHttp.Response response = http().get(URI.create(arxiv.rssUrl() + "cs.CV"), known);

        assertThat(response.notModified()).isTrue();
        assertThat(response.validators()).isEqualTo(known);
        FakeArxiv.Seen seen = arxiv.requests().get(0);
        assertThat(seen.header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(seen.header("If-Modified-Since")).isEqualTo("Mon, 02 Mar 2026 05:00:00 GMT");
    }

    @Test
    void anEmptyBodyIsRetriedThenReported() {
        arxiv.api(Answer.status(200, Map.of()), Answer.status(200, Map.of()), Answer.status(200, Map.of()));

        assertThatThrownBy(() -> http().get(api(), Validators.NONE)).isInstanceOf(FetchFailure.class)
                .hasMessageContaining("an empty response");
    }

    @Test
    void aCutOffTransferIsRetried() throws Exception {
        byte[] body = FakeArxiv.fixture("api-current.xml");
        arxiv.api(new Answer(200, Map.of(), java.util.Arrays.copyOf(body, 300), body.length),
                Answer.ok("api-current.xml"));

        ArxivHttp.Response response = http().get(api(), Validators.NONE);

        assertThat(response.body()).isEqualTo(body);
        assertThat(arxiv.requests()).hasSize(2);
    }

    @Test
    void aRefusedConnectionIsRetriedThenReported() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort + "/api/query");

        assertThatThrownBy(() -> http().get(nowhere, Validators.NONE)).isInstanceOf(FetchFailure.class)
                .hasMessageContaining("connection refused").hasMessageContaining("(3 tries)");
        assertThat(ticker.sleeps()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20));
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        RetryPolicy policy = new RetryPolicy(6, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ZERO);
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.backoff(3)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.backoff(5)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void anAnswerOverTheLimitIsAFailureThatIsNotTriedAgain() {
        arxiv.api(new Answer(200, Map.of(), new byte[ArxivHttp.MAX_BODY_BYTES + 1], -1));

        assertThatThrownBy(() -> http().get(api(), Validators.NONE)).isInstanceOf(FetchFailure.class)
                .hasMessageContaining("is over 16 MB, more than any listing should be; it was not used");
        assertThat(arxiv.requests()).hasSize(1);
    }

    @Test
    void anAnswerThatSaysItIsOverTheLimitIsNotRead() {
        // the length it announces, not what it sends: the fetch must fail before reading, not wait for the rest
        arxiv.api(new Answer(200, Map.of(), new byte[10], ArxivHttp.MAX_BODY_BYTES + 1L));

        assertThatThrownBy(() -> http().get(api(), Validators.NONE)).isInstanceOf(FetchFailure.class)
                .hasMessageContaining("is over 16 MB");
        assertThat(arxiv.requests()).hasSize(1);
    }

    @Test
    void anAnswerWithoutALengthIsReadToTheLimit() throws Exception {
        byte[] atTheLimit = new byte[ArxivHttp.MAX_BODY_BYTES];
        atTheLimit[0] = '<';
        arxiv.api(new Answer(200, Map.of(), atTheLimit, 0)); // 0: chunked, no Content-Length

        assertThat(http().get(api(), Validators.NONE).body()).hasSize(ArxivHttp.MAX_BODY_BYTES);

        arxiv.api(new Answer(200, Map.of(), new byte[ArxivHttp.MAX_BODY_BYTES + 1], 0));
        assertThatThrownBy(() -> http().get(api(), Validators.NONE)).isInstanceOf(FetchFailure.class)
                .hasMessageContaining("is over 16 MB");
    }

    @Test
    void anAnswerThatStallsMidwayIsGivenUpAndTriedAgain() throws Exception {
        byte[] body = FakeArxiv.fixture("api-current.xml");
        arxiv.api(new Answer(200, Map.of(), java.util.Arrays.copyOf(body, 300), body.length, true),
                Answer.ok("api-current.xml"));
        ArxivHttp http = new ArxivHttp(ArxivHttp.defaultClient(), "test", new RequestPacer(Duration.ZERO, ticker),
                retry, ticker, clock, Duration.ofMillis(300));

        ArxivHttp.Response response = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> http.get(api(), Validators.NONE));

        assertThat(response.body()).isEqualTo(body);
        assertThat(arxiv.requests()).hasSize(2);
    }

    @Test
    void anAnswerThatStallsEveryTimeIsReportedAsStalled() {
        Answer stalling = new Answer(200, Map.of(), "<feed>".getBytes(), 1000, true);
        arxiv.api(stalling, stalling, stalling);
        ArxivHttp http = new ArxivHttp(ArxivHttp.defaultClient(), "test", new RequestPacer(Duration.ZERO, ticker),
                retry, ticker, clock, Duration.ofMillis(200));

        assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> http.get(api(), Validators.NONE))).isInstanceOf(FetchFailure.class)
                .hasMessageContaining("the answer stalled: nothing came for 200 ms, so it was given up (3 tries)");
    }
}
