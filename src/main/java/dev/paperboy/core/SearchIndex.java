package dev.paperboy.core;

import java.util.Optional;

/**
 * Port: full-text search over the library. Implementations must accept any text a user types
 * (unbalanced quotes, syntax characters, emoji, very long input) without throwing.
 */
public interface SearchIndex extends LibraryListener {

    /** One page of results, best first, resolved against the snapshot the index was built from. */
    SearchPage search(SearchRequest request);

    /**
     * The paper of that key ({@link Paper#key()}) as the index holds it, digest's or loose: how a loose paper,
     * which the library does not hold, is found by its id. Empty when the index has none (or none yet).
     */
    Optional<LibraryPaper> findPaper(String key);
}
