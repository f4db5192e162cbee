package dev.paperboy.core;

/**
 * Port: full-text search over the library. Implementations must accept any text a user types
 * (unbalanced quotes, syntax characters, emoji, very long input) without throwing.
 */
public interface SearchIndex extends LibraryListener {

    /** One page of results, best first, resolved against the snapshot the index was built from. */
    SearchPage search(SearchRequest request);
}
