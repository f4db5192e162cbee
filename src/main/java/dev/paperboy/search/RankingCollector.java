package dev.paperboy.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;

/**
 * The best {@code wanted} matches by (base score + bonuses) × {@link RecencyBoost}, in one pass. Lucene
 * ranks the base query, which lets it skip with block-max WAND; bonuses (phrase matches) are scored only
 * for matches that could still reach the top, and the skipping threshold given to Lucene is the lowest base
 * score that could: a match scoring below it, even with every bonus and the newest date, cannot beat the
 * current {@code wanted}-th. The result is the same as scoring every match in full.
 *
 * <p>In a segment sorted newest first ({@link LuceneSearchIndex#NEWEST}) the papers still to come are no newer
 * than the last one scored, so their recency factor is at most that paper's: the bound tightens as Lucene
 * moves on to older papers.
 *
 * <p>Matches are counted exactly up to {@code totalThreshold}; past that, once skipping starts, the total
 * is a lower bound. For one search at a time: {@link #manager()} hands out this one collector.
 */
final class RankingCollector implements Collector {

    /**
     * A match with its final score and its day (epoch day, Long.MIN_VALUE for none); doc is index-wide, and leaf
     * is the segment it is in.
     */
    record Hit(int doc, float score, long day, LeafReaderContext leaf) {
    }

    /**
     * Best first: higher score, then newer, then by key, the index's own order, so that the order of ties does
     * not depend on which segment a paper was written to (a build in parts writes a segment per thread).
     */
    static final Comparator<Hit> BEST_FIRST = Comparator.comparingDouble((Hit h) -> -h.score())
            .thenComparing(Comparator.comparingLong(Hit::day).reversed())
            .thenComparing(RankingCollector::byKey);

    /** Within a segment, sorted by day then key, the doc id is the key's order; across segments the keys decide. */
    private static int byKey(Hit a, Hit b) {
        if (a.leaf() == b.leaf()) {
            return Integer.compare(a.doc(), b.doc());
        }
        return keyOf(a).compareTo(keyOf(b));
    }

    /** Read only for a tie in score and day, which is rare: a fresh doc values iterator a time. */
    private static BytesRef keyOf(Hit hit) {
        try {
            SortedDocValues keys = DocValues.getSorted(hit.leaf().reader(), PaperFields.KEY);
            return keys.advanceExact(hit.doc() - hit.leaf().docBase) ? keys.lookupOrd(keys.ordValue()) : new BytesRef();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read a paper's key from the search index", e);
        }
    }

    private static final double MAX_FACTOR = 1 + RecencyBoost.WEIGHT;

    /** Whether the segment's papers come newest first, as every segment of the index is sorted. */
    static boolean isNewestFirst(LeafReaderContext context) {
        Sort sort = context.reader().getMetaData().getSort();
        return sort != null && sort.getSort().length > 0 && sort.getSort()[0].equals(LuceneSearchIndex.NEWEST);
    }
    /** Room for float rounding in the bounds, so that they never cut off a match that belongs. */
    private static final double SLACK = 1e-4;

    private final int wanted;
    private final long newestDay;
    private final List<Weight> bonuses;
    private final int totalThreshold;
    private final PriorityQueue<Hit> top;
    private long total;
    private boolean skipping;

    RankingCollector(int wanted, long newestDay, List<Weight> bonuses, int totalThreshold) {
        this.wanted = wanted;
        this.newestDay = newestDay;
        this.bonuses = bonuses;
        this.totalThreshold = totalThreshold;
        this.top = new PriorityQueue<>(wanted + 1, BEST_FIRST.reversed());
    }

    /** The matches best first, at most {@code wanted}. */
    List<Hit> hits() {
        List<Hit> hits = new ArrayList<>(top);
        hits.sort(BEST_FIRST);
        return hits;
    }

    TotalHits totalHits() {
        return new TotalHits(total,
                skipping ? TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO : TotalHits.Relation.EQUAL_TO);
    }

    CollectorManager<RankingCollector, RankingCollector> manager() {
        RankingCollector self = this;
        return new CollectorManager<>() {
            @Override
            public RankingCollector newCollector() {
                return self;
            }

            @Override
            public RankingCollector reduce(java.util.Collection<RankingCollector> collectors) {
                return self;
            }
        };
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.TOP_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        NumericDocValues days = DocValues.getNumeric(context.reader(), PaperFields.DAY);
        List<Scorer> bonusScorers = new ArrayList<>();
        // a phrase is checked only on the matches that need it: advancing its full iterator would check
        // the positions of every paper between them
        List<DocIdSetIterator> approximations = new ArrayList<>();
        List<TwoPhaseIterator> confirmations = new ArrayList<>();
        double bonusBound = 0;
        for (Weight weight : bonuses) {
            Scorer scorer = weight.scorer(context);
            if (scorer != null) {
                scorer.advanceShallow(0);
                bonusBound += scorer.getMaxScore(DocIdSetIterator.NO_MORE_DOCS);
                bonusScorers.add(scorer);
                TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
                approximations.add(twoPhase == null ? scorer.iterator() : twoPhase.approximation());
                confirmations.add(twoPhase);
            }
        }
        double leafBonusBound = bonusBound;
        int docBase = context.docBase;
        boolean newestFirst = isNewestFirst(context);
        return new LeafCollector() {
            private Scorable scorer;
            /** The highest recency factor of a match still to come in this segment. */
            private double factorBound = MAX_FACTOR;

            @Override
            public void setScorer(Scorable scorer) throws IOException {
                this.scorer = scorer;
                raiseThreshold();
            }

            @Override
            public void collect(int doc) throws IOException {
                total++;
                float base = scorer.score();
                if (top.size() >= wanted
                        && (base + leafBonusBound) * factorBound * (1 + SLACK) < top.peek().score()) {
                    if (!skipping) {
                        raiseThreshold();
                    }
                    return;
                }
                double bonus = 0;
                for (int i = 0; i < bonusScorers.size(); i++) {
                    DocIdSetIterator approximation = approximations.get(i);
                    if (approximation.docID() < doc) {
                        approximation.advance(doc);
                    }
                    if (approximation.docID() == doc
                            && (confirmations.get(i) == null || confirmations.get(i).matches())) {
                        bonus += bonusScorers.get(i).score();
                    }
                }
                long day = days.advanceExact(doc) ? days.longValue() : Long.MIN_VALUE;
                double factor = day == Long.MIN_VALUE ? 1.0 : RecencyBoost.multiplier(newestDay, day);
                if (newestFirst) {
                    factorBound = Math.min(factorBound, factor);
                }
                Hit hit = new Hit(docBase + doc, (float) ((base + bonus) * factor), day, context);
                if (top.size() < wanted) {
                    top.add(hit);
                } else if (BEST_FIRST.compare(hit, top.peek()) < 0) {
                    top.poll();
                    top.add(hit);
                } else if (skipping) {
                    return;
                }
                raiseThreshold();
            }

            /** Past the exact count and with the page full: tell Lucene the lowest base score that can still win. */
            private void raiseThreshold() throws IOException {
                if (total <= totalThreshold || top.size() < wanted) {
                    return;
                }
                double lowest = top.peek().score() / factorBound * (1 - SLACK) - leafBonusBound;
                if (lowest > 0) {
                    scorer.setMinCompetitiveScore((float) lowest);
                    skipping = true;
                }
            }
        };
    }
}
