package dev.paperboy.core;

import java.util.List;

/**
 * Everything read from the content in one pass: the digests, the papers that belong to no digest
 * (bulk dumps), and every problem found. Content with any problem is never served.
 */
public record ContentLoad(List<Digest> digests, List<Paper> loosePapers, List<ContentProblem> problems) {

    public ContentLoad {
        digests = List.copyOf(digests);
        loosePapers = List.copyOf(loosePapers);
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
