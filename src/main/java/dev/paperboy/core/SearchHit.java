package dev.paperboy.core;

import java.util.List;

/**
 * One search result: the paper, its score, a snippet of the abstract with the matched words marked, and the
 * authors the query named ({@code au:}), which a shortened author list still shows.
 */
public record SearchHit(LibraryPaper paper, float score, Snippet snippet, List<String> matchedAuthors) {

    public SearchHit {
        matchedAuthors = List.copyOf(matchedAuthors);
    }

    /** A hit whose query named no author. */
    public SearchHit(LibraryPaper paper, float score, Snippet snippet) {
        this(paper, score, snippet, List.of());
    }
}
