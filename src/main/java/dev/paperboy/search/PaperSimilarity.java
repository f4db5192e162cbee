package dev.paperboy.search;

import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;

/**
 * BM25 as Lucene has it, except in the combined field {@link PaperFields#TEXT}, whose frequencies are sums
 * of weights ({@link PaperDocuments#TITLE_WEIGHT} and the others): there k1 is twice Lucene's, as the
 * weights are twice those of the index format they were tuned in, so that a term saturates as it did.
 */
final class PaperSimilarity extends PerFieldSimilarityWrapper {

    private static final Similarity TEXT = new BM25Similarity(2.4f, 0.75f);
    private static final Similarity OTHERS = new BM25Similarity();

    @Override
    public Similarity get(String field) {
        return PaperFields.TEXT.equals(field) ? TEXT : OTHERS;
    }
}
