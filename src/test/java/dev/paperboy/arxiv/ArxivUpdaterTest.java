package dev.paperboy.arxiv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.arxiv.FakeArxiv.Answer;
import dev.paperboy.config.PaperboyConfig.Topic;
import dev.paperboy.content.CompositeContentSource;
import dev.paperboy.content.ContentDirectory;
import dev.paperboy.content.JsonDigestFormat;
import dev.paperboy.core.Digest;
import dev.paperboy.core.DigestSource;
import dev.paperboy.core.Library;
import dev.paperboy.core.LibraryPaper;
import dev.paperboy.core.LiveLibrary;
import dev.paperboy.core.Paper;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** From a fake arXiv on 127.0.0.1 through the store into the library, as the running bot does it. */
class ArxivUpdaterTest {

    /** Sunday 20:30 in New York: the evening announcement of Monday's listing. */
    private static final Instant NOW = Instant.parse("2026-03-02T01:30:00Z");
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    private static final Topic LISTING = new Topic("Vision", null, List.of("cs.CV", "cs.LG"), List.of(),
            List.of("survey"), 100);
    private static final Topic PAGED = new Topic("Paged", "all:paged", List.of(), List.of(), List.of(), 10);

    @TempDir
    Path dir;
    private final FakeArxiv arxiv = new FakeArxiv();
    private final FakeTicker ticker = new FakeTicker();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private Path content;
    private ArxivStore store;
    private LiveLibrary library;

    @BeforeEach
    void setUp() throws Exception {
        content = Files.createDirectories(dir.resolve("content"));
        Files.writeString(content.resolve("hand.json"), """
                {"topic": "Hand Written", "date": "2026-02-20", "papers": [{"title": "A Paper Typed In By Hand", "authors": ["Hand Writer"]}]}
                """);
        store = new ArxivStore(dir.resolve("data/arxiv"), new JsonDigestFormat());
        store.create();
        library = newLibrary();
        assertThat(library.reload().problems()).isEmpty();
    }

    @AfterEach
    void stop() {
        arxiv.close();
    }

    private LiveLibrary newLibrary() {
        return new LiveLibrary(new CompositeContentSource(List.of(
                new CompositeContentSource.Part("", new ContentDirectory(content)),
                new CompositeContentSource.Part("data/arxiv/", new ContentDirectory(store.root())))),
                List.of(), clock);
    }

    private ArxivUpdater updater(String apiUrl, String rssUrl, Topic... topics) {
        RetryPolicy retry = new RetryPolicy(2, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofMinutes(5));
        ArxivHttp http = new ArxivHttp(ArxivHttp.defaultClient(), ArxivHttp.userAgent("test", null),
                new RequestPacer(Duration.ofSeconds(3), ticker), retry, ticker, clock, Duration.ofSeconds(10));
        ArxivSource source = new ArxivSource(http, new ArxivFeedParser(), apiUrl, rssUrl, 2);
        return new ArxivUpdater(List.of(topics), source, store, library, clock);
    }

    private ArxivUpdater updater(Topic... topics) {
        return updater(arxiv.apiUrl(), arxiv.rssUrl(), topics);
    }

    private static List<String> ids(Digest digest) {
        return digest.papers().stream().map(Paper::arxivId).toList();
    }

    private List<String> status(ArxivUpdater updater) {
        return new ArxivStatus(updater, () -> null, ZoneId.of("UTC")).statusLines();
    }

    @Test
    void pagesThroughApiResultsUntilTheyAreOlderThanTheWindow() {
        arxiv.api(Answer.ok("api-page1.xml"), Answer.ok("api-page2.xml"));

        FetchOutcome outcome = updater(PAGED).runAll().outcomes().get("Paged");

        assertThat(outcome.kind()).isEqualTo(FetchOutcome.Kind.FETCHED);
        assertThat(outcome.newPapers()).isEqualTo(3);
        assertThat(outcome.listingDate()).isEqualTo(MONDAY);
        assertThat(arxiv.requests()).extracting(FakeArxiv.Seen::query).containsExactly(
                "search_query=all:paged&sortBy=lastUpdatedDate&sortOrder=descending&start=0&max_results=2",
                "search_query=all:paged&sortBy=lastUpdatedDate&sortOrder=descending&start=2&max_results=2");
        Digest digest = library.current().digestsOf("Paged").get(0);
        assertThat(digest.date()).isEqualTo(MONDAY);
        assertThat(ids(digest)).containsExactly("2603.00201", "2603.00202", "2603.00203");
        assertThat(digest.source().file()).isEqualTo("data/arxiv/paged/2026-03-02.json");
        assertThat(store.root().resolve("paged/2026-03-02.json")).exists();
        assertThat(library.current().findById("2602.00999")).as("older than the window").isEmpty();
    }

    @Test
    void storedPapersSurviveARestart() {
        arxiv.api(Answer.ok("api-page1.xml"), Answer.ok("api-page2.xml"));
        updater(PAGED).runAll();

        LiveLibrary restarted = newLibrary();
        assertThat(restarted.reload().applied()).isTrue();

        assertThat(restarted.current().digestsOf("Paged")).hasSize(1);
        assertThat(restarted.current().findById("2603.00201")).isPresent();
        assertThat(restarted.current().findTopic("Hand Written")).isPresent();
    }

    @Test
    void aQueryWithCategoriesIsRestrictedToThem() {
        arxiv.api(Answer.ok("api-current.xml"));
        Topic topic = new Topic("Budgets", "all:\"patch budget\"", List.of("cs.CV", "cs.LG"), List.of(), List.of(), 10);

        updater(topic).runAll();

        assertThat(arxiv.requests().get(0).query())
                .startsWith("search_query=(all:\"patch budget\") AND (cat:cs.CV OR cat:cs.LG)&sortBy=lastUpdatedDate");
    }

    @Test
    void anOldPaperInANewVersionFromTheApiIsNotANewPaper() {
        arxiv.api(Answer.ok("api-current.xml"));
        Topic topic = new Topic("Budgets", "all:budget", List.of(), List.of(), List.of(), 10);

        FetchOutcome outcome = updater(topic).runAll().outcomes().get("Budgets");

        assertThat(outcome.newPapers()).isEqualTo(1);
        assertThat(ids(library.current().digestsOf("Budgets").get(0))).containsExactly("2603.00101");
    }

    @Test
    void listingCountsNewAndCrossListedPapersOnceAndSkipsReplacementsAndExcludedWords() {
        arxiv.rss(Answer.ok("rss-listing.xml"));

        FetchOutcome outcome = updater(LISTING).runAll().outcomes().get("Vision");

        assertThat(outcome.kind()).isEqualTo(FetchOutcome.Kind.FETCHED);
        assertThat(outcome.newPapers()).isEqualTo(2);
        assertThat(outcome.newVersions()).isZero();
        assertThat(arxiv.requests()).singleElement().extracting(s -> s.uri().getPath()).isEqualTo("/rss/cs.CV+cs.LG");
        Digest digest = library.current().digestsOf("Vision").get(0);
        assertThat(digest.date()).isEqualTo(MONDAY);
        assertThat(ids(digest)).as("the survey is excluded, the cross-list counted once, replacements are not new")
                .containsExactly("2603.00101", "2603.00555");
        assertThat(status(updater(LISTING))).contains(
                "arXiv \"Vision\": 2 new papers for 2026-03-02 (2026-03-02 01:30 UTC)");
    }

    @Test
    void aNewVersionOfAKnownPaperRecordsVersionAndCommentWithoutBeingNew() throws Exception {
        LocalDate earlier = LocalDate.of(2026, 2, 27);
        Paper v2 = new Paper("2511.04242", 2, "Tokens That Wait Their Turn", List.of("Third Example"),
                "An older paper in its second version.", "Preprint", List.of("cs.CV"), LocalDate.of(2025, 11, 5),
                LocalDate.of(2026, 1, 10), List.of());
        store.write("vision", new Digest("Vision", earlier, List.of(v2),
                new DigestSource(ArxivStore.fileName("vision", earlier), 1, "")));
        library.reload();
        arxiv.rss(Answer.ok("rss-listing.xml"));
        arxiv.api(Answer.ok("api-ids.xml"));

        FetchOutcome outcome = updater(LISTING).runAll().outcomes().get("Vision");

        assertThat(outcome.newPapers()).isEqualTo(2);
        assertThat(outcome.newVersions()).isEqualTo(1);
        assertThat(arxiv.requests().get(1).query()).isEqualTo("id_list=2511.04242&max_results=1");
        Library now = library.current();
        LibraryPaper known = now.findById("2511.04242").orElseThrow();
        assertThat(known.paper().version()).isEqualTo(3);
        assertThat(known.paper().comment()).isEqualTo("Camera-ready, 12 pages");
        assertThat(known.paper().updated()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(ids(now.digestsOn(MONDAY, "Vision").get(0))).doesNotContain("2511.04242");
        assertThat(ids(now.digestsOn(earlier, "Vision").get(0))).containsExactly("2511.04242");
        assertThat(status(updater(LISTING))).anyMatch(l -> l.contains("1 new version recorded"));
    }

    @Test
    void aQuietDayIsReportedAsSuchAndIsNoFailure() {
        arxiv.rss(Answer.ok("rss-quiet.xml"));
        LiveLibrary.ReloadRecord before = library.lastReload().orElseThrow();

        ArxivUpdater updater = updater(LISTING);
        ArxivUpdater.RunReport report = updater.runAll();

        assertThat(report.outcomes().get("Vision").kind()).isEqualTo(FetchOutcome.Kind.QUIET);
        assertThat(report.reload()).as("nothing to reload").isNull();
        assertThat(library.lastReload()).contains(before);
        assertThat(status(updater)).contains(
                "arXiv \"Vision\": no announcement for 2026-03-07, a quiet day (2026-03-02 01:30 UTC)");
        assertThat(updater.state().topic("vision").lastSuccess()).isEqualTo(NOW);
    }

    @Test
    void malformedXmlLeavesTheLibraryAsItWas() {
        arxiv.rss(Answer.ok("malformed.xml"));
        Library before = library.current();

        ArxivUpdater updater = updater(LISTING);
        FetchOutcome outcome = updater.runAll().outcomes().get("Vision");

        assertThat(outcome.kind()).isEqualTo(FetchOutcome.Kind.FAILED);
        assertThat(outcome.reason()).startsWith("the arXiv listing cs.CV+cs.LG sent an unreadable response:"
                + " malformed or truncated XML at line 2");
        assertThat(library.current()).isSameAs(before);
        assertThat(store.root().resolve("vision")).doesNotExist();
        assertThat(status(updater)).anyMatch(l -> l.startsWith("arXiv \"Vision\": failed (2026-03-02 01:30 UTC):")
                && l.endsWith("the library is unchanged; never fetched successfully"));
    }

    @Test
    void aNetworkThatIsDownLeavesTheLibraryAsItWas() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String nowhere = "http://127.0.0.1:" + closedPort;
        Library before = library.current();

        ArxivUpdater.RunReport report = updater(nowhere + "/api/query", nowhere + "/rss/", LISTING, PAGED).runAll();

        assertThat(report.outcomes().values()).allSatisfy(o -> {
            assertThat(o.kind()).isEqualTo(FetchOutcome.Kind.FAILED);
            assertThat(o.reason()).contains("connection refused");
        });
        assertThat(report.reload()).isNull();
        assertThat(library.current()).isSameAs(before);
    }

    @Test
    void a503WithRetryAfterThenSuccessStoresThePapers() {
        arxiv.rss(Answer.status(503, Map.of("Retry-After", "5")), Answer.ok("rss-listing.xml"));

        FetchOutcome outcome = updater(LISTING).runAll().outcomes().get("Vision");

        assertThat(outcome.kind()).isEqualTo(FetchOutcome.Kind.FETCHED);
        assertThat(outcome.newPapers()).isEqualTo(2);
        assertThat(ticker.sleeps()).contains(Duration.ofSeconds(5));
    }

    @Test
    void aConditionalRequestAnswered304IsNothingNewAndTheValidatorsSurviveARestart() {
        arxiv.rss(Answer.ok("rss-listing.xml").withHeader("ETag", "\"listing-1\""));
        updater(LISTING).runAll();
        arxiv.rss(Answer.status(304, Map.of()));

        ArxivUpdater restarted = updater(LISTING);
        FetchOutcome outcome = restarted.runAll().outcomes().get("Vision");

        assertThat(arxiv.requests().get(1).header("If-None-Match")).isEqualTo("\"listing-1\"");
        assertThat(outcome.kind()).isEqualTo(FetchOutcome.Kind.UNCHANGED);
        assertThat(restarted.state().topic("vision").lastSuccess()).as("kept from the first fetch").isEqualTo(NOW);
        assertThat(status(restarted)).anyMatch(l -> l.startsWith("arXiv \"Vision\": nothing new yet:"));
    }

    @Test
    void theSameListingTwiceIsNothingNew() {
        arxiv.rss(Answer.ok("rss-listing.xml"), Answer.ok("rss-listing.xml"));
        ArxivUpdater updater = updater(LISTING);
        updater.runAll();

        FetchOutcome second = updater.runAll().outcomes().get("Vision");

        assertThat(second.kind()).isEqualTo(FetchOutcome.Kind.UNCHANGED);
        assertThat(second.reason()).contains("already fetched");
        assertThat(library.current().digestsOf("Vision").get(0).papers()).hasSize(2);
    }

    @Test
    void oneTopicFailingDoesNotStopTheOthers() {
        arxiv.rss(Answer.ok("rss-listing.xml"));
        // No API answer is scripted, so the fake answers 404.

        ArxivUpdater.RunReport report = updater(PAGED, LISTING).runAll();

        assertThat(report.outcomes().get("Paged").kind()).isEqualTo(FetchOutcome.Kind.FAILED);
        assertThat(report.outcomes().get("Paged").reason()).contains("HTTP 404");
        assertThat(report.outcomes().get("Vision").kind()).isEqualTo(FetchOutcome.Kind.FETCHED);
        assertThat(report.reload().applied()).isTrue();
        assertThat(library.current().findTopic("Vision")).isPresent();
    }

    @Test
    void includeKeywordsMatchWholeWordsOnly() {
        Topic topic = new Topic("T", "all:x", List.of(), List.of("ViT"), List.of(), 10);
        assertThat(ArxivUpdater.matches(topic, Paper.of(null, "A ViT for sheep", List.of(), "", ""))).isTrue();
        assertThat(ArxivUpdater.matches(topic, Paper.of(null, "Sheep activity", List.of(), "", ""))).isFalse();
        assertThat(ArxivUpdater.matches(topic, Paper.of(null, "Sheep", List.of(), "we use a vit here", ""))).isTrue();
    }

    private void rememberLastListing(LocalDate listing) throws Exception {
        Instant fetched = listing.minusDays(1).atTime(20, 30).atZone(ArxivFeedParser.ARXIV_ZONE).toInstant();
        store.writeState(ArxivState.empty().withTopic("vision", new ArxivState.TopicState(fetched, listing,
                new FetchOutcome(fetched, FetchOutcome.Kind.FETCHED, 1, 0, listing, ""))));
    }

    @Test
    void aListingTopicCatchesUpTheMissedDaysThroughTheApiPoliteAndPaged() throws Exception {
        rememberLastListing(LocalDate.of(2026, 2, 25)); // Wednesday's listing; Thursday's and Friday's were missed
        arxiv.rss(Answer.ok("rss-listing.xml"));
        arxiv.api(Answer.ok("api-backfill-page1.xml"), Answer.ok("api-backfill-page2.xml"));

        ArxivUpdater updater = updater(LISTING);
        FetchOutcome outcome = updater.runAll().outcomes().get("Vision");

        assertThat(outcome.kind()).isEqualTo(FetchOutcome.Kind.FETCHED);
        assertThat(outcome.newPapers()).as("two from Monday's listing, two back-filled").isEqualTo(4);
        assertThat(outcome.listingDate()).isEqualTo(MONDAY);
        assertThat(arxiv.requests()).extracting(FakeArxiv.Seen::query).containsExactly("",
                "search_query=(cat:cs.CV OR cat:cs.LG) AND submittedDate:[202602241900 TO 202602261859]"
                        + "&sortBy=submittedDate&sortOrder=ascending&start=0&max_results=2",
                "search_query=(cat:cs.CV OR cat:cs.LG) AND submittedDate:[202602241900 TO 202602261859]"
                        + "&sortBy=submittedDate&sortOrder=ascending&start=2&max_results=2");
        assertThat(ticker.sleeps()).as("one request every 3 s").containsExactly(Duration.ofSeconds(3),
                Duration.ofSeconds(3));
        Library now = library.current();
        assertThat(ids(now.digestsOn(LocalDate.of(2026, 2, 26), "Vision").get(0))).containsExactly("2602.00301");
        assertThat(ids(now.digestsOn(LocalDate.of(2026, 2, 27), "Vision").get(0))).containsExactly("2602.00302");
        assertThat(ids(now.digestsOn(MONDAY, "Vision").get(0))).as("in the listing too: filed there, once")
                .containsExactly("2603.00101", "2603.00555");
        assertThat(now.findById("2602.00303")).as("excluded word").isEmpty();
        assertThat(now.findById("2602.00302").orElseThrow().paper().version()).isEqualTo(2);
        assertThat(store.root().resolve("vision/2026-02-26.json")).exists();
        assertThat(updater.state().topic("vision").lastListing()).isEqualTo(MONDAY);
        assertThat(status(updater)).anyMatch(l -> l.startsWith("arXiv \"Vision\": 4 new papers for 2026-03-02 (2 of them"
                + " from the 2 missed listings 2026-02-26 to 2026-02-27, caught up through the API)"));
    }

    @Test
    void noDayMissedMeansNoApiRequest() throws Exception {
        rememberLastListing(LocalDate.of(2026, 2, 27)); // Friday's listing, then the weekend

        FetchOutcome outcome;
        arxiv.rss(Answer.ok("rss-listing.xml"));
        outcome = updater(LISTING).runAll().outcomes().get("Vision");

        assertThat(outcome.newPapers()).isEqualTo(2);
        assertThat(arxiv.requests()).singleElement().extracting(s -> s.uri().getPath()).isEqualTo("/rss/cs.CV+cs.LG");
    }

    @Test
    void aFailedCatchUpStoresNothingAndTheNextTryAsksForTheListingAgain() throws Exception {
        rememberLastListing(LocalDate.of(2026, 2, 25));
        arxiv.rss(Answer.ok("rss-listing.xml").withHeader("ETag", "\"listing-1\""));
        // No API answer is scripted, so the fake answers 404.
        Library before = library.current();

        ArxivUpdater updater = updater(LISTING);
        FetchOutcome outcome = updater.runAll().outcomes().get("Vision");

        assertThat(outcome.kind()).isEqualTo(FetchOutcome.Kind.FAILED);
        assertThat(outcome.reason()).contains("HTTP 404");
        assertThat(library.current()).isSameAs(before);
        assertThat(store.root().resolve("vision")).doesNotExist();
        assertThat(updater.state().topic("vision").lastListing()).isEqualTo(LocalDate.of(2026, 2, 25));

        arxiv.rss(Answer.ok("rss-listing.xml"));
        arxiv.api(Answer.ok("api-backfill-page1.xml"), Answer.ok("api-backfill-page2.xml"));
        FetchOutcome retried = updater.runAll().outcomes().get("Vision");

        assertThat(arxiv.requests().get(2).header("If-None-Match")).as("no validators kept from the failed try")
                .isNull();
        assertThat(retried.newPapers()).isEqualTo(4);
    }

    @Test
    void aQuietListingAfterDowntimeStillCatchesUpTheMissedDays() throws Exception {
        rememberLastListing(LocalDate.of(2026, 3, 4)); // Wednesday; the quiet listing is dated Saturday 2026-03-07
        arxiv.rss(Answer.ok("rss-quiet.xml"));
        arxiv.api(Answer.ok("api-backfill-page1.xml"), Answer.ok("api-backfill-page2.xml"));

        ArxivUpdater updater = updater(LISTING);
        FetchOutcome outcome = updater.runAll().outcomes().get("Vision");

        assertThat(arxiv.requests().get(1).query())
                .contains("submittedDate:[202603031900 TO 202603051859]");
        assertThat(outcome.kind()).isEqualTo(FetchOutcome.Kind.FETCHED);
        assertThat(outcome.newPapers()).isEqualTo(3);
        // The invented papers' submission days lie before the gap; they are kept within the missed days.
        assertThat(library.current().digestsOn(LocalDate.of(2026, 3, 5), "Vision")).hasSize(1);
    }
}
