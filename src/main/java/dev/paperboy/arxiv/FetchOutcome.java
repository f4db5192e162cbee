package dev.paperboy.arxiv;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * How one topic's fetch ended, for {@code /status} and the log.
 *
 * @param at          when the fetch ran
 * @param kind        the way it ended
 * @param newPapers   papers added to the topic
 * @param newVersions papers already known that arXiv has a newer version of (recorded, not counted as new)
 * @param listingDate the listing day the papers were filed under, or null
 * @param reason      why it failed or what it saw, one sentence; empty when there is nothing to add
 */
public record FetchOutcome(@JsonProperty("at") Instant at, @JsonProperty("kind") Kind kind,
                           @JsonProperty("new-papers") int newPapers, @JsonProperty("new-versions") int newVersions,
                           @JsonProperty("listing-date") LocalDate listingDate,
                           @JsonProperty("reason") String reason) {

    /** The ways a fetch ends; only {@link #FAILED} is a failure. */
    public enum Kind {
        /** Fetched and stored (possibly no paper matched). */
        FETCHED,
        /** arXiv made no announcement (a weekend or holiday): normal, nothing to do. */
        QUIET,
        /** The listing is the one already fetched; arXiv rebuilds it at midnight US Eastern. */
        UNCHANGED,
        /** Nothing was stored; the library is as it was. */
        FAILED
    }

    public FetchOutcome {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        reason = reason == null ? "" : reason;
    }

    /** Whether this fetch brought the topic up to date (so catch-up need not run it again). */
    public boolean upToDate() {
        return kind == Kind.FETCHED || kind == Kind.QUIET;
    }
}
