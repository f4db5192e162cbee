package dev.paperboy.search;

import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;

/**
 * The index's searcher, with {@link PaperSimilarity}. The combined field's statistics leave out the title words
 * joined for hyphenated words ({@link CompoundWords#titleRuns}), which each paper counts in {@link
 * PaperFields#APART_TOTAL}: counted in, they raised BM25's average length by a sixth and moved the scores of plain
 * words, which never match them.
 */
final class PaperIndexSearcher extends IndexSearcher {

    PaperIndexSearcher(IndexReader reader) {
        super(reader);
        setSimilarity(LuceneSearchIndex.SIMILARITY);
    }

    @Override
    public CollectionStatistics collectionStatistics(String field) throws IOException {
        CollectionStatistics stats = super.collectionStatistics(field);
        if (stats == null || !PaperFields.TEXT.equals(field)) {
            return stats;
        }
        CollectionStatistics apart = super.collectionStatistics(PaperFields.APART_TOTAL);
        if (apart == null) {
            return stats;
        }
        long measured = Math.max(stats.sumDocFreq(), stats.sumTotalTermFreq() - apart.sumTotalTermFreq());
        return new CollectionStatistics(field, stats.maxDoc(), stats.docCount(), measured, stats.sumDocFreq());
    }
}
