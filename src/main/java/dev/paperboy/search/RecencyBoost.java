package dev.paperboy.search;

import java.io.IOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * A score multiplier between 1 and {@code 1 + WEIGHT} that favours newer papers: it decides ties and
 * near-ties, never a clearly better match. Age is counted from the newest paper of the snapshot, not
 * from today, so the same index always ranks the same way.
 */
final class RecencyBoost extends DoubleValuesSource {

    static final double WEIGHT = 0.1;
    /** At this age a paper keeps half of the newest paper's bonus. */
    static final double HALF_LIFE_DAYS = 365;

    private final long newestDay;

    RecencyBoost(long newestDay) {
        this.newestDay = newestDay;
    }

    static double multiplier(long newestDay, long day) {
        double age = Math.max(0, newestDay - day);
        return 1 + WEIGHT * HALF_LIFE_DAYS / (HALF_LIFE_DAYS + age);
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
        NumericDocValues days = DocValues.getNumeric(ctx.reader(), PaperFields.DAY);
        return new DoubleValues() {
            private double value;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                // an undated paper counts as the oldest
                value = days.advanceExact(doc) ? multiplier(newestDay, days.longValue()) : 1.0;
                return true;
            }
        };
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return DocValues.isCacheable(ctx, PaperFields.DAY);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(newestDay);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof RecencyBoost other && other.newestDay == newestDay;
    }

    @Override
    public String toString() {
        return "recency(newest=" + newestDay + ")";
    }
}
