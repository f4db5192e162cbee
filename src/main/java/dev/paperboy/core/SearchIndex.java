package dev.paperboy.core;

import java.util.List;
import java.util.Optional;

/**
 * Port: full-text search over the library. Implementations must accept any text a user types
 * (unbalanced quotes, syntax characters, emoji, very long input) without throwing.
 */
public interface SearchIndex extends LibraryListener {

    /** One page of results, best first, resolved against the snapshot the index was built from. */
    SearchPage search(SearchRequest request);

    /**
     * The papers of that key ({@link Paper#key()}) as the index holds them, digest's or loose, newest first and at
     * most {@code limit}: the one paper of an id ({@code arxiv:…}), every paper of a normalised title ({@code
     * title:…}, with an arXiv id or without). How a loose paper, which the library does not hold, is found. Empty
     * when the index has none (or none yet).
     */
    List<LibraryPaper> findPapers(String key, int limit);

    /** The newest of {@link #findPapers}, if any. */
    default Optional<LibraryPaper> findPaper(String key) {
        return findPapers(key, 1).stream().findFirst();
    }
}
