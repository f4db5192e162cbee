package dev.paperboy.core.render;

import dev.paperboy.core.SearchPage;
import java.util.ArrayList;
import java.util.List;

/**
 * What in a search query could not be searched ({@link SearchPage#problems()}), as every platform shows it:
 * the first few, then how many more, so that a pasted list of bad filters cannot flood a chat.
 */
public final class QueryProblems {

    /** Problems shown one by one; past this they are counted. */
    public static final int SHOWN = 3;

    private QueryProblems() {
    }

    /** The problems to show, each one line, at most {@value #SHOWN} and a count of the rest. */
    public static List<String> lines(List<String> problems) {
        if (problems.size() <= SHOWN) {
            return problems.stream().map(PlainText::oneLine).toList();
        }
        List<String> lines = new ArrayList<>(problems.subList(0, SHOWN).stream().map(PlainText::oneLine).toList());
        int more = problems.size() - SHOWN;
        lines.add("…and " + more + (more == 1 ? " more part" : " more parts") + " of the query that could not be"
                + " searched.");
        return lines;
    }
}
