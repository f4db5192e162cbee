package dev.paperboy.arxiv;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.WireFeedInput;
import dev.paperboy.core.ArxivIds;
import dev.paperboy.core.Paper;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdom2.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.InputSource;

/**
 * Reads arXiv responses with Rome: export API pages (Atom, in the current 2025+ layout and the legacy one,
 * which differ in namespace placement, element order and http/https links) and the per-category listing
 * feeds (RSS 2.0, whose descriptions carry the announce type and the abstract).
 */
public final class ArxivFeedParser {

    private static final Logger LOG = LoggerFactory.getLogger(ArxivFeedParser.class);

    static final String ARXIV_NS = "http://arxiv.org/schemas/atom";
    private static final String OPENSEARCH_NS = "http://a9.com/-/spec/opensearch/1.1/";
    /** arXiv's own timezone: a listing dated Monday is the one announced on Sunday evening in New York. */
    static final ZoneId ARXIV_ZONE = ZoneId.of("America/New_York");

    private static final Pattern LISTING_DESCRIPTION = Pattern.compile(
            "^\\s*arXiv:(\\S+)\\s+Announce Type:\\s*(\\S+)\\s*(?:Abstract:\\s*)?(.*)$", Pattern.DOTALL);
    private static final Pattern OAI_GUID = Pattern.compile("^oai:arXiv\\.org:(.+)$", Pattern.CASE_INSENSITIVE);
    /** Listing titles before 2024 ended in "(arXiv:2211.07638v2 [cs.CV] UPDATED)". */
    private static final Pattern OLD_TITLE_SUFFIX = Pattern.compile("\\s*\\(arXiv:[^)]*\\)\\s*$");
    private static final Pattern AUTHOR_SEPARATOR = Pattern.compile("\\s*,\\s*|\\s+and\\s+");

    /** Parses one response body. Never returns a partial feed: anything unreadable as a whole throws. */
    public ArxivFeed parse(byte[] body) throws FeedFormatException {
        if (isBlank(body)) {
            throw new FeedFormatException("empty response: arXiv sent no feed");
        }
        WireFeed wire;
        try {
            WireFeedInput input = new WireFeedInput(false, Locale.ROOT);
            // Rome already refuses DOCTYPEs (so no external entities); say so in case its default changes.
            input.setAllowDoctypes(false);
            wire = input.build(new InputSource(new ByteArrayInputStream(body)));
        } catch (ParsingFeedException e) {
            String where = e.getLineNumber() > 0 ? " at line " + e.getLineNumber() : "";
            throw new FeedFormatException("malformed or truncated XML" + where + ": " + rootMessage(e), e);
        } catch (FeedException | IllegalArgumentException e) {
            throw new FeedFormatException("not an Atom or RSS feed: " + rootMessage(e), e);
        }
        if (wire instanceof Feed atom) {
            return parseAtom(atom);
        }
        if (wire instanceof Channel rss) {
            return parseListing(rss);
        }
        throw new FeedFormatException("unexpected feed type " + wire.getFeedType());
    }

    private ArxivFeed parseAtom(Feed feed) throws FeedFormatException {
        List<ArxivEntry> entries = new ArrayList<>();
        for (Entry entry : feed.getEntries()) {
            if (entry.getId() != null && entry.getId().contains("arxiv.org/api/errors")) {
                String summary = entry.getSummary() == null ? "" : clean(entry.getSummary().getValue());
                throw new FeedFormatException("arXiv API error: " + (summary.isEmpty() ? entry.getId() : summary));
            }
            try {
                entries.add(atomEntry(entry));
            } catch (IllegalArgumentException e) {
                LOG.warn("Skipping an unreadable arXiv API entry {}: {}", entry.getId(), e.getMessage());
            }
        }
        long total = number(feed.getForeignMarkup(), "totalResults").orElse((long) entries.size());
        long start = number(feed.getForeignMarkup(), "startIndex").orElse(0L);
        return new ArxivFeed(entries, total, start, null);
    }

    private static ArxivEntry atomEntry(Entry entry) {
        String rawId = entry.getId() == null ? "" : entry.getId().strip();
        if (!ArxivIds.isArxivId(rawId)) {
            throw new IllegalArgumentException("no arXiv id in <id>" + rawId + "</id>");
        }
        List<String> authors = entry.getAuthors().stream().map(SyndPerson::getName).filter(n -> n != null)
                .map(ArxivFeedParser::clean).toList();
        Set<String> categories = new LinkedHashSet<>();
        foreign(entry.getForeignMarkup(), ARXIV_NS, "primary_category")
                .map(e -> e.getAttributeValue("term")).filter(t -> t != null && !t.isBlank())
                .ifPresent(categories::add);
        entry.getCategories().forEach(c -> {
            if (c.getTerm() != null && !c.getTerm().isBlank()) {
                categories.add(c.getTerm().strip());
            }
        });
        String comment = foreign(entry.getForeignMarkup(), ARXIV_NS, "comment").map(Element::getText)
                .map(ArxivFeedParser::clean).orElse("");
        List<String> links = foreign(entry.getForeignMarkup(), ARXIV_NS, "doi").map(Element::getTextTrim)
                .filter(d -> !d.isEmpty()).map(d -> List.of("https://doi.org/" + d)).orElse(List.of());
        Instant published = instant(entry.getPublished());
        Instant updated = instant(entry.getUpdated());
        Paper paper = new Paper(rawId, 0, clean(entry.getTitle()), authors,
                entry.getSummary() == null ? "" : clean(entry.getSummary().getValue()), comment,
                List.copyOf(categories), day(published), day(updated), links);
        AnnounceType announce = paper.version() > 1 ? AnnounceType.REPLACE : AnnounceType.NEW;
        return new ArxivEntry(paper, announce, published, updated);
    }

    private ArxivFeed parseListing(Channel channel) {
        Date pubDate = channel.getPubDate() != null ? channel.getPubDate() : channel.getLastBuildDate();
        LocalDate listingDate = pubDate == null ? null : pubDate.toInstant().atZone(ARXIV_ZONE).toLocalDate();
        List<ArxivEntry> entries = new ArrayList<>();
        for (Item item : channel.getItems()) {
            try {
                entries.add(listingEntry(item, listingDate));
            } catch (IllegalArgumentException e) {
                LOG.warn("Skipping an unreadable arXiv listing item {}: {}", item.getLink(), e.getMessage());
            }
        }
        return new ArxivFeed(entries, -1, 0, listingDate);
    }

    private static ArxivEntry listingEntry(Item item, LocalDate listingDate) {
        String description = item.getDescription() == null ? "" : item.getDescription().getValue();
        Matcher m = LISTING_DESCRIPTION.matcher(description == null ? "" : description);
        boolean structured = m.matches();
        String rawId = null;
        if (item.getGuid() != null && item.getGuid().getValue() != null) {
            Matcher guid = OAI_GUID.matcher(item.getGuid().getValue().strip());
            rawId = guid.matches() ? guid.group(1) : item.getGuid().getValue().strip();
        }
        if (!ArxivIds.isArxivId(rawId)) {
            rawId = structured ? m.group(1) : item.getLink();
        }
        if (!ArxivIds.isArxivId(rawId)) {
            throw new IllegalArgumentException("no arXiv id in the guid, description or link");
        }
        AnnounceType announce = foreign(item.getForeignMarkup(), ARXIV_NS, "announce_type")
                .flatMap(e -> AnnounceType.parse(e.getText()))
                .or(() -> structured ? AnnounceType.parse(m.group(2)) : Optional.empty())
                .orElse(AnnounceType.NEW);
        String abstractText = structured ? m.group(3) : description;
        List<String> authors = new ArrayList<>();
        if (item.getModule(DCModule.URI) instanceof DCModule dc) {
            for (String creator : dc.getCreators()) {
                for (String name : AUTHOR_SEPARATOR.split(creator)) {
                    if (!name.isBlank()) {
                        authors.add(clean(name));
                    }
                }
            }
        }
        if (authors.isEmpty() && item.getAuthor() != null) {
            authors.add(clean(item.getAuthor()));
        }
        List<String> categories = item.getCategories().stream().map(c -> c.getValue())
                .filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
        String title = OLD_TITLE_SUFFIX.matcher(clean(item.getTitle() == null ? "" : item.getTitle())).replaceAll("");
        LocalDate published = announce.isNewPaper() ? listingDate : null;
        Paper paper = new Paper(rawId, 0, title, authors, clean(abstractText), "", categories, published,
                listingDate, List.of());
        return new ArxivEntry(paper, announce, null, null);
    }

    private static Optional<Long> number(List<Element> markup, String name) {
        return foreign(markup, OPENSEARCH_NS, name).map(Element::getTextTrim).flatMap(text -> {
            try {
                return Optional.of(Long.parseLong(text));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<Element> foreign(List<Element> markup, String namespace, String name) {
        return markup.stream().filter(e -> e.getName().equals(name) && namespace.equals(e.getNamespaceURI()))
                .findFirst();
    }

    /** Folds the hard line wrapping and indentation of arXiv's text into single spaces. */
    static String clean(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static LocalDate day(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }
}
