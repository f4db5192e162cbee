package dev.paperboy.arxiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.Paper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ArxivFeedParserTest {

    private final ArxivFeedParser parser = new ArxivFeedParser();

    @Test
    void readsTheCurrentApiLayout() throws Exception {
        ArxivFeed feed = parser.parse(FakeArxiv.fixture("api-current.xml"));

        assertThat(feed.isListing()).isFalse();
        assertThat(feed.totalResults()).isEqualTo(2);
        assertThat(feed.startIndex()).isZero();
        assertThat(feed.entries()).hasSize(2);
        ArxivEntry first = feed.entries().get(0);
        Paper paper = first.paper();
        assertThat(paper.arxivId()).isEqualTo("2603.00101");
        assertThat(paper.version()).isEqualTo(1);
        assertThat(paper.title()).isEqualTo("Patch Budgets: Spending Attention Where the Image Is Busy");
        assertThat(paper.authors()).containsExactly("Example Author", "Second Example");
        assertThat(paper.abstractText()).isEqualTo("We give busy image regions more tokens and calm ones fewer.");
        assertThat(paper.comment()).isEqualTo("9 pages, 4 figures");
        assertThat(paper.categories()).as("primary first").containsExactly("cs.CV", "cs.LG");
        assertThat(paper.published()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(paper.links()).containsExactly("https://doi.org/10.0000/example.101");
        assertThat(first.announce()).isEqualTo(AnnounceType.NEW);
        assertThat(first.updated()).isEqualTo(Instant.parse("2026-03-01T17:12:00Z"));

        ArxivEntry second = feed.entries().get(1);
        assertThat(second.id()).isEqualTo("2511.04242");
        assertThat(second.paper().version()).isEqualTo(3);
        assertThat(second.announce()).isEqualTo(AnnounceType.REPLACE);
        assertThat(second.published()).isEqualTo(Instant.parse("2025-11-05T10:00:00Z"));
        assertThat(second.paper().updated()).isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void readsTheLegacyApiLayout() throws Exception {
        ArxivFeed feed = parser.parse(FakeArxiv.fixture("api-legacy.xml"));

        assertThat(feed.totalResults()).as("opensearch with its namespace declared inline").isEqualTo(2);
        Paper first = feed.entries().get(0).paper();
        assertThat(first.arxivId()).isEqualTo("1201.00042");
        assertThat(first.version()).isEqualTo(2);
        assertThat(first.title()).isEqualTo("Superfluid Films in Narrow Invented Pores");
        assertThat(first.abstractText())
                .isEqualTo("A made-up abstract whose lines are wrapped the old way, with leading blanks and hard line breaks.");
        assertThat(first.comment()).isEqualTo("26 pages, 10 figures");
        assertThat(first.categories()).containsExactly("cond-mat.mes-hall", "cond-mat.other");
        assertThat(first.links()).containsExactly("https://doi.org/10.0000/legacy.42");

        Paper old = feed.entries().get(1).paper();
        assertThat(old.arxivId()).as("old-style id from an http URL").isEqualTo("cond-mat/0412999");
        assertThat(old.version()).isEqualTo(1);
        assertThat(old.authors()).containsExactly("Old Style", "Another Name");
        assertThat(old.comment()).isEmpty();
    }

    @Test
    void readsTheListingWithItsAnnounceTypes() throws Exception {
        ArxivFeed feed = parser.parse(FakeArxiv.fixture("rss-listing.xml"));

        assertThat(feed.isListing()).isTrue();
        assertThat(feed.listingDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(feed.entries()).extracting(ArxivEntry::announce).containsExactly(AnnounceType.NEW,
                AnnounceType.NEW, AnnounceType.CROSS, AnnounceType.CROSS, AnnounceType.REPLACE,
                AnnounceType.REPLACE_CROSS);
        Paper first = feed.entries().get(0).paper();
        assertThat(first.arxivId()).isEqualTo("2603.00101");
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.abstractText()).isEqualTo("We give busy image regions more tokens and calm ones fewer.");
        assertThat(first.authors()).containsExactly("Example Author", "Second Example");
        assertThat(first.categories()).containsExactly("cs.CV", "cs.LG");
        assertThat(first.published()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(feed.entries().get(2).paper().authors()).containsExactly("Shepherd One", "Shepherd Two");
        ArxivEntry replaced = feed.entries().get(4);
        assertThat(replaced.paper().version()).isEqualTo(3);
        assertThat(replaced.paper().published()).as("a replacement's first day is not in the listing").isNull();
    }

    @Test
    void theAnnounceTypeInTheDescriptionIsEnoughWithoutTheElement() throws Exception {
        String rss = new String(FakeArxiv.fixture("rss-listing.xml"), StandardCharsets.UTF_8)
                .replaceAll("<arxiv:announce_type>[^<]*</arxiv:announce_type>", "");
        ArxivFeed feed = parser.parse(rss.getBytes(StandardCharsets.UTF_8));
        assertThat(feed.entries()).extracting(ArxivEntry::announce).containsExactly(AnnounceType.NEW,
                AnnounceType.NEW, AnnounceType.CROSS, AnnounceType.CROSS, AnnounceType.REPLACE,
                AnnounceType.REPLACE_CROSS);
    }

    @Test
    void aQuietListingHasNoEntriesButADate() throws Exception {
        ArxivFeed feed = parser.parse(FakeArxiv.fixture("rss-quiet.xml"));
        assertThat(feed.entries()).isEmpty();
        assertThat(feed.listingDate()).isEqualTo(LocalDate.of(2026, 3, 7));
    }

    @Test
    void malformedTruncatedEmptyAndNonFeedResponsesAreErrors() {
        assertThatThrownBy(() -> parser.parse(FakeArxiv.fixture("malformed.xml")))
                .isInstanceOf(FeedFormatException.class).hasMessageStartingWith("malformed or truncated XML at line 2");
        assertThatThrownBy(() -> parser.parse(FakeArxiv.fixture("truncated.xml")))
                .isInstanceOf(FeedFormatException.class).hasMessageStartingWith("malformed or truncated XML");
        assertThatThrownBy(() -> parser.parse(new byte[0]))
                .isInstanceOf(FeedFormatException.class).hasMessageContaining("empty response");
        assertThatThrownBy(() -> parser.parse(" \n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FeedFormatException.class).hasMessageContaining("empty response");
        assertThatThrownBy(() -> parser.parse("<html><body>Service unavailable</body></html>"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FeedFormatException.class).hasMessageStartingWith("not an Atom or RSS feed");
    }

    @Test
    void anApiErrorEntryIsAnError() {
        assertThatThrownBy(() -> parser.parse(FakeArxiv.fixture("api-error.xml")))
                .isInstanceOf(FeedFormatException.class)
                .hasMessage("arXiv API error: incorrect id format for 1234.12345");
    }

    @Test
    void refusesDoctypesSoNoExternalEntityIsRead() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>&x;</title></feed>";
        assertThatThrownBy(() -> parser.parse(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FeedFormatException.class);
    }
}
