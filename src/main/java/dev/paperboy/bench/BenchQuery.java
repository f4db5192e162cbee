package dev.paperboy.bench;

import java.util.Set;

/**
 * One benchmark query.
 *
 * @param kind     what sort of query it is, for grouping the report
 * @param text     what a user would type
 * @param relevant the keys of the papers that answer it; empty when no answer is known (topics)
 */
public record BenchQuery(Kind kind, String text, Set<String> relevant) {

    public BenchQuery {
        relevant = Set.copyOf(relevant);
    }

    /** The query kinds of issue 7. */
    public enum Kind {
        KNOWN_ITEM("known item"), AUTHOR("first author"), TOPIC("topic"), TYPO("misspelt known item");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
