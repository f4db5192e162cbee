package dev.paperboy.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** One day's papers on one topic, in the order the content gave them. */
public record Digest(String topic, LocalDate date, List<Paper> papers, DigestSource source) {

    public Digest {
        Objects.requireNonNull(topic, "topic");
        topic = topic.strip();
        if (topic.isEmpty()) {
            throw new IllegalArgumentException("a digest needs a topic");
        }
        Objects.requireNonNull(date, "date");
        papers = List.copyOf(papers);
        Objects.requireNonNull(source, "source");
    }

    /** The identity of a digest within a library: its topic (case-insensitive) and date. */
    public String key() {
        return Topics.normalise(topic) + "|" + date;
    }
}
