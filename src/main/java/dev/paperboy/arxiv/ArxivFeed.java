package dev.paperboy.arxiv;

import java.time.LocalDate;
import java.util.List;

/**
 * One parsed response: an export API page (with its paging numbers) or a listing feed (with its
 * announcement day).
 *
 * @param totalResults how many results the API query has in all, or -1 for a listing feed
 * @param startIndex   the index of this page's first result, or 0
 * @param listingDate  the announcement day a listing feed is for, or null for the API
 */
public record ArxivFeed(List<ArxivEntry> entries, long totalResults, long startIndex, LocalDate listingDate) {

    public ArxivFeed {
        entries = List.copyOf(entries);
    }

    public boolean isListing() {
        return totalResults < 0;
    }
}
