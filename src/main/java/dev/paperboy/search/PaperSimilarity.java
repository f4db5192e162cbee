package dev.paperboy.search;

import org.apache.lucene.index.FieldInvertState;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.SmallFloat;

/**
 * BM25 as Lucene has it, except in the author names (below) and in the combined field {@link PaperFields#TEXT}, whose frequencies are sums
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
    /**
     * No length normalisation: a person is as much an author of a paper by thirty people as of one by three
     * ("Russell Ryan" in a long list must not rank below a "B. R. Ryan" matched through his middle initial). The
     * norms are written as for the other fields, so this needs no new index.
     */
    private static final Similarity AUTHORS = new BM25Similarity(1.2f, 0f);
    private static final Similarity OTHERS = new BM25Similarity();

    @Override
    public Similarity get(String field) {
        return switch (field) {
            case PaperFields.TEXT -> TEXT;
            case PaperFields.AUTHORS -> AUTHORS;
            default -> OTHERS;
        };
    }
}
