package dev.paperboy.arxiv;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Fetches and parses arXiv responses: pages of the export API, newest update first, and the listing feed
 * of a set of categories. Every request goes through one {@link ArxivHttp}, so they are paced together.
 */
public final class ArxivSource {

    /** arXiv suggests modest pages; more results come from paging with {@code start}. */
    public static final int DEFAULT_PAGE_SIZE = 100;
    /** The API sometimes answers a page with no entries though there are more; such a page is asked again. */
    private static final int EMPTY_PAGE_RETRIES = 2;

    private static final DateTimeFormatter SUBMITTED = DateTimeFormatter.ofPattern("yyyyMMddHHmm")
            .withZone(ZoneOffset.UTC);

    private final ArxivHttp http;
    private final ArxivFeedParser parser;
    private final URI apiUrl;
    private final String rssUrl;
    private final int pageSize;

    /** The listing of the categories: not modified since the validators, or the feed and its new validators. */
    public record Listing(boolean notModified, ArxivFeed feed, Validators validators) {
    }

    public ArxivSource(ArxivHttp http, ArxivFeedParser parser, String apiUrl, String rssUrl, int pageSize) {
        if (pageSize < 1 || pageSize > 2000) {
            throw new IllegalArgumentException("pageSize must be between 1 and 2000: " + pageSize);
        }
        this.http = http;
        this.parser = parser;
        this.apiUrl = URI.create(apiUrl);
        this.rssUrl = rssUrl.endsWith("/") ? rssUrl : rssUrl + "/";
        this.pageSize = pageSize;
    }

    /**
     * The API results of the query updated at or after {@code since}, newest update first, at most
     * {@code maxResults} of them, fetched page by page. Either all pages arrive or this throws.
     */
    public List<ArxivEntry> search(String searchQuery, Instant since, int maxResults) throws FetchFailure {
        return pages("search_query=" + encode(searchQuery) + "&sortBy=lastUpdatedDate&sortOrder=descending", since,
                maxResults);
    }

    /**
     * The API results of the query first submitted (version 1) in {@code [from, to)}, oldest first, at most
     * {@code maxResults}, page by page: how days a listing feed no longer shows are filled in. Either all
     * pages arrive or this throws.
     */
    public List<ArxivEntry> submittedBetween(String searchQuery, Instant from, Instant to, int maxResults)
            throws FetchFailure {
        // arXiv's range is inclusive at both ends and to the minute, in GMT.
        String range = "submittedDate:[" + SUBMITTED.format(from) + " TO " + SUBMITTED.format(to.minusSeconds(60)) + "]";
        return pages("search_query=" + encode("(" + searchQuery + ") AND " + range)
                + "&sortBy=submittedDate&sortOrder=ascending", null, maxResults);
    }

    /** Pages through one query; stops at an entry updated before {@code since}, when that is not null. */
    private List<ArxivEntry> pages(String query, Instant since, int maxResults) throws FetchFailure {
        List<ArxivEntry> result = new ArrayList<>();
        int start = 0;
        int emptyPages = 0;
        while (result.size() < maxResults) {
            int size = Math.min(pageSize, maxResults - result.size());
            ArxivFeed page = parse(http.get(apiQuery(query + "&start=" + start + "&max_results=" + size),
                    Validators.NONE), "the arXiv API");
            if (page.entries().isEmpty()) {
                if (start < page.totalResults() && emptyPages++ < EMPTY_PAGE_RETRIES) {
                    continue;
                }
                if (start < page.totalResults()) {
                    throw new FetchFailure("the arXiv API answered page " + (start / pageSize + 1) + " with no entries"
                            + " although it counts " + page.totalResults() + " results; trying again at the next run");
                }
                break;
            }
            emptyPages = 0;
            for (ArxivEntry entry : page.entries()) {
                if (since != null && entry.updated() != null && entry.updated().isBefore(since)) {
                    return result;
                }
                if (result.size() < maxResults) {
                    result.add(entry);
                }
            }
            start += page.entries().size();
            if (start >= page.totalResults()) {
                break;
            }
        }
        return result;
    }

    /** The API entries of these ids (with or without version), for refreshing what a listing only hints at. */
    public List<ArxivEntry> byIds(List<String> ids) throws FetchFailure {
        if (ids.isEmpty()) {
            return List.of();
        }
        ArxivFeed feed = parse(http.get(apiQuery("id_list=" + encode(String.join(",", ids)) + "&max_results="
                + ids.size()), Validators.NONE), "the arXiv API");
        return feed.entries();
    }

    /** The listing feed of the categories (one request for all of them, so a cross-list comes once). */
    public Listing listing(List<String> categories, Validators validators) throws FetchFailure {
        URI uri = listingUri(categories);
        ArxivHttp.Response response = http.get(uri, validators);
        if (response.notModified()) {
            return new Listing(true, null, validators);
        }
        ArxivFeed feed = parse(response, "the arXiv listing " + String.join("+", categories));
        if (!feed.isListing()) {
            throw new FetchFailure("the arXiv listing " + uri + " is not an RSS listing");
        }
        return new Listing(false, feed, response.validators());
    }

    /** Where the listing of these categories is, also the key its validators are kept under. */
    public URI listingUri(List<String> categories) {
        return URI.create(rssUrl + String.join("+", categories));
    }

    private URI apiQuery(String query) {
        String base = apiUrl.toString();
        return URI.create(base + (base.contains("?") ? "&" : "?") + query);
    }

    private ArxivFeed parse(ArxivHttp.Response response, String what) throws FetchFailure {
        Objects.requireNonNull(response, "response");
        try {
            return parser.parse(response.body());
        } catch (FeedFormatException e) {
            throw new FetchFailure(what + " sent an unreadable response: " + e.getMessage(), e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
