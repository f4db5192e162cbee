package dev.paperboy.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One page of search results.
 *
 * @param query          the query as the user typed it
 * @param correctedQuery the query actually run when the typed one was corrected for typos, else null
 * @param hits           the results of this page, best first
 * @param total          how many papers match in all, or at least, when {@code totalIsLowerBound}
 * @param page           this page, 1-based
 * @param pageSize       results per page
 * @param totalIsLowerBound true when counting stopped early: at least {@code total} papers match, and at least
 *                          one more page follows this one (a big result set; show "at least N")
 * @param problems       what in the query could not be used ({@code date:2025-13}, only exclusions), each a
 *                       sentence that says what to type instead: shown in place of general advice; each once
 */
public record SearchPage(String query, String correctedQuery, List<SearchHit> hits, long total, int page,
                         int pageSize, boolean totalIsLowerBound, List<String> problems) {

    public SearchPage {
        hits = List.copyOf(hits);
        problems = List.copyOf(new LinkedHashSet<>(problems)); // "date:2025-13 OR date:2025-13" says it once
    }

    /** A page without problems in its query. */
    public SearchPage(String query, String correctedQuery, List<SearchHit> hits, long total, int page, int pageSize,
                      boolean totalIsLowerBound) {
        this(query, correctedQuery, hits, total, page, pageSize, totalIsLowerBound, List.of());
    }

    /** A page whose total is exact. */
    public SearchPage(String query, String correctedQuery, List<SearchHit> hits, long total, int page, int pageSize) {
        this(query, correctedQuery, hits, total, page, pageSize, false);
    }

    /** The pages of results; when the total is only a lower bound, there is always at least one more page. */
    public int pageCount() {
        int pages = total == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, (total + pageSize - 1) / pageSize);
        return totalIsLowerBound ? Math.max(pages, page + 1) : pages;
    }

    /** This page with one more line in {@link #problems()}, after the query's own. */
    public SearchPage withNote(String note) {
        List<String> notes = new ArrayList<>(problems);
        notes.add(note);
        return new SearchPage(query, correctedQuery, hits, total, page, pageSize, totalIsLowerBound, notes);
    }

    /** "There are only 3 pages", or "There is only 1 page": how a reply to a page past the last begins. */
    public String onlyPages() {
        int pages = pageCount();
        return pages == 1 ? "There is only 1 page" : "There are only " + pages + " pages";
    }
}
