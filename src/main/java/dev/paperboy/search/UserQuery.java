package dev.paperboy.search;

import java.util.List;

/**
 * A search as the user typed it, parsed: groups that must all match (each group holds one clause or
 * several alternatives joined by {@code OR}), clauses that must not match, the wanted order, and what in
 * the text could not be used (an empty field, a date that is no date), each said with what to type instead.
 */
record UserQuery(List<List<Clause>> groups, List<Clause> exclusions, boolean sortByDate, List<String> problems) {

    UserQuery {
        groups = groups.stream().map(List::copyOf).toList();
        exclusions = List.copyOf(exclusions);
        problems = List.copyOf(problems);
    }

    /** What a clause searches: all text, one text field, or a filter. */
    enum Kind {
        TEXT, TITLE, AUTHOR, ABSTRACT, TOPIC, CATEGORY, ID, AFTER, BEFORE, DATE;

        /** True for the kinds whose value is words (and so can be misspelt and highlighted). */
        boolean isText() {
            return this == TEXT || this == TITLE || this == AUTHOR || this == ABSTRACT || this == TOPIC;
        }

        /** True for the date filters. */
        boolean isDate() {
            return this == AFTER || this == BEFORE || this == DATE;
        }
    }

    /**
     * One word, phrase or field clause.
     *
     * @param value  the text to search for, without field prefix or quotes
     * @param quoted whether the user quoted it (a phrase)
     * @param start  where {@code value} starts in the typed query, for rewriting it with corrections
     */
    record Clause(Kind kind, String value, boolean quoted, int start) {

        int end() {
            return start + value.length();
        }
    }

    /** Every clause that must or may match, in the order typed. */
    List<Clause> positiveClauses() {
        return groups.stream().flatMap(List::stream).toList();
    }
}
