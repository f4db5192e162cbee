package dev.paperboy.core;

import java.util.List;
import java.util.Objects;

/**
 * Everything read from the content in one pass: the digests, the papers that belong to no digest
 * (bulk dumps, summarised and read again when needed), and every problem found. Content with any problem
 * is never served.
 *
 * @param version the {@link ContentSource#version()} of the files as they were before this read, or null
 *                when the source cannot tell
 */
public record ContentLoad(List<Digest> digests, LoosePapers loosePapers, List<ContentProblem> problems,
                          String version) {

    public ContentLoad {
        digests = List.copyOf(digests);
        Objects.requireNonNull(loosePapers, "loosePapers");
        problems = List.copyOf(problems);
    }

    /** A load whose source cannot tell its version. */
    public ContentLoad(List<Digest> digests, LoosePapers loosePapers, List<ContentProblem> problems) {
        this(digests, loosePapers, problems, null);
    }

    /** A load of papers held in memory, whose source cannot tell its version. */
    public ContentLoad(List<Digest> digests, List<Paper> loosePapers, List<ContentProblem> problems) {
        this(digests, LoosePapers.of(loosePapers), problems, null);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
