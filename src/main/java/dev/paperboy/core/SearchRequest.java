package dev.paperboy.core;

import java.text.Normalizer;
import java.util.Objects;

/**
 * What to search for and which page (1-based) of how many results to return. The query is kept composed
 * (Unicode NFC): text pasted from macOS or a PDF may spell "é" as "e" and an accent, which no paper does.
 */
public record SearchRequest(String query, int page, int pageSize) {

    public static final int MAX_QUERY_LENGTH = 2000;

    public SearchRequest {
        Objects.requireNonNull(query, "query");
        query = query.strip();
        if (!Normalizer.isNormalized(query, Normalizer.Form.NFC)) {
            query = Normalizer.normalize(query, Normalizer.Form.NFC);
        }
        if (query.length() > MAX_QUERY_LENGTH) {
            query = query.substring(0, MAX_QUERY_LENGTH);
        }
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more: " + page);
        }
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("page size must be 1 to 100: " + pageSize);
        }
    }
}
