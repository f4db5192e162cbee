package dev.paperboy.search;

/**
 * A score multiplier between 1 and {@code 1 + WEIGHT} that favours newer papers: it decides ties and
 * near-ties, never a clearly better match. Age is counted from the newest paper of the snapshot, not
 * from today, so the same index always ranks the same way. Applied to the top matches only (see
 * {@code LuceneSearchIndex}), so that Lucene can rank by plain BM25 and skip.
 */
final class RecencyBoost {

    static final double WEIGHT = 0.1;
    /** At this age a paper keeps half of the newest paper's bonus. */
    static final double HALF_LIFE_DAYS = 365;

    private RecencyBoost() {
    }

    static double multiplier(long newestDay, long day) {
        double age = Math.max(0, newestDay - day);
        return 1 + WEIGHT * HALF_LIFE_DAYS / (HALF_LIFE_DAYS + age);
    }
}
