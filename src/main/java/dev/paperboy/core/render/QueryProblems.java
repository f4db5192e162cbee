package dev.paperboy.core.render;

import dev.paperboy.core.SearchPage;
import java.util.List;

/**
 * What in a search query could not be searched ({@link SearchPage#problems()}), as every platform shows it:
 * a few, then how many more, so that a pasted list of bad filters cannot flood a chat.
 */
public final class QueryProblems {

    /** Lines at most: past this, the last one counts the rest. */
    public static final int MAX_LINES = 4;

    private QueryProblems() {
    }

    /** The problems to show, each on one line, at most {@value #MAX_LINES} lines. */
    public static List<String> lines(List<String> problems) {
        return Shortlist.of(problems.stream().map(PlainText::oneLine).toList(), MAX_LINES, more -> "…and " + more
                + (more == 1 ? " more part" : " more parts") + " of the query that could not be searched.");
    }
}
