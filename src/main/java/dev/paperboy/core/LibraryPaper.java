package dev.paperboy.core;

import java.time.LocalDate;
import java.util.List;

/**
 * A paper as the library serves it: the paper, the topics whose digests list it, and the day it
 * first appeared (the earliest digest date, else its published date; null when neither is known).
 */
public record LibraryPaper(Paper paper, List<String> topics, LocalDate date) {

    public LibraryPaper {
        topics = List.copyOf(topics);
    }

    public String key() {
        return paper.key();
    }

    /** The first topic, or an empty string for a paper from a bulk dump. */
    public String primaryTopic() {
        return topics.isEmpty() ? "" : topics.get(0);
    }
}
