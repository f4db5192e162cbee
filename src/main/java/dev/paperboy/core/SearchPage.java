package dev.paperboy.core;

import java.util.List;

/**
 * One page of search results.
 *
 * @param query          the query as the user typed it
 * @param correctedQuery the query actually run when the typed one was corrected for typos, else null
 * @param hits           the results of this page, best first
 * @param total          how many papers match in all
 * @param page           this page, 1-based
 * @param pageSize       results per page
 */
public record SearchPage(String query, String correctedQuery, List<SearchHit> hits, long total, int page,
                         int pageSize) {

    public SearchPage {
        hits = List.copyOf(hits);
    }

    public int pageCount() {
        return total == 0 ? 0 : (int) ((total + pageSize - 1) / pageSize);
    }
}
