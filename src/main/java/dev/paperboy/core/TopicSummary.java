package dev.paperboy.core;

import java.time.LocalDate;

/** What the {@code topics} command lists for one topic. */
public record TopicSummary(String name, int digests, int papers, LocalDate latest) {
}
