package dev.paperboy.arxiv;

import dev.paperboy.core.Paper;
import java.time.Instant;
import java.util.Objects;

/**
 * One paper as a feed lists it: the paper, how the listing announced it, and the exact times the export
 * API gives (the listing feeds give only the day).
 *
 * @param announce  the listing's announce type; for the API, {@code NEW} for version 1 and {@code REPLACE} after
 * @param published when version 1 was submitted, or null when the feed does not say
 * @param updated   when this version was submitted, or null when the feed does not say
 */
public record ArxivEntry(Paper paper, AnnounceType announce, Instant published, Instant updated) {

    public ArxivEntry {
        Objects.requireNonNull(paper, "paper");
        Objects.requireNonNull(announce, "announce");
        if (paper.arxivId() == null) {
            throw new IllegalArgumentException("an arXiv entry needs an arXiv id: " + paper.title());
        }
    }

    public String id() {
        return paper.arxivId();
    }
}
