package dev.paperboy.search;

import org.apache.lucene.index.FieldInvertState;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.SmallFloat;

/**
 * BM25 as Lucene has it, except in the combined field {@link PaperFields#TEXT}, whose frequencies are sums
 * of weights ({@link PaperDocuments#TITLE_WEIGHT} and the others): there k1 is twice Lucene's, as the
 * weights are twice those of the index format they were tuned in, so that a term saturates as it did; and
 * the length normalised by is the one {@link WeightedTerms} measured (without the authors), which it passes
 * as the field's last position.
 */
final class PaperSimilarity extends PerFieldSimilarityWrapper {

    private static final Similarity TEXT = new BM25Similarity(2.4f, 0.75f) {
        @Override
        public long computeNorm(FieldInvertState state) {
            return SmallFloat.intToByte4(state.getPosition() + 1);
        }
    };
    private static final Similarity OTHERS = new BM25Similarity();

    @Override
    public Similarity get(String field) {
        return PaperFields.TEXT.equals(field) ? TEXT : OTHERS;
    }
}
