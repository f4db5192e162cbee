package dev.paperboy.core.delivery;

import java.util.Objects;

/**
 * What a subscription delivers: the papers of one topic, or the papers a saved search finds (the same
 * query syntax as {@code /search}).
 */
public record SubscriptionFilter(Kind kind, String text) {

    /** The longest saved query; longer ones are a typing accident rather than a search. */
    public static final int MAX_LENGTH = 300;

    /** A topic by name, or a saved search query. */
    public enum Kind { TOPIC, QUERY }

    public SubscriptionFilter {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        text = text.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a subscription needs a topic or a query");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a subscription's query is at most " + MAX_LENGTH + " characters");
        }
    }

    public static SubscriptionFilter topic(String name) {
        return new SubscriptionFilter(Kind.TOPIC, name);
    }

    public static SubscriptionFilter query(String query) {
        return new SubscriptionFilter(Kind.QUERY, query);
    }

    /** How people see it: {@code Vision Transformer} or {@code search "diffusion"}. */
    public String describe() {
        return kind == Kind.TOPIC ? text : "search \"" + text + "\"";
    }
}
