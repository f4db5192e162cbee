package dev.paperboy.search;

import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

/**
 * Values of the combined field {@link PaperFields#TEXT}: each occurrence of a term counts its source
 * field's weight (BM25F at indexing time), so that a title word counts as much as several abstract words.
 * Lucene adds up the frequencies of a term within a document, and takes the sum of all of them as the
 * field's length.
 */
final class WeightedTerms {

    /** Frequencies and norms, no positions: custom term frequencies cannot have positions. */
    static final FieldType TYPE = type();

    private WeightedTerms() {
    }

    private static FieldType type() {
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.setTokenized(true);
        type.freeze();
        return type;
    }

    /** A value of the combined field: these terms, each occurrence counting {@code weight}. */
    static Field field(List<String> terms, int weight) {
        return new Field(PaperFields.TEXT, new TokenStream() {
            private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
            private final TermFrequencyAttribute frequency = addAttribute(TermFrequencyAttribute.class);
            private int next;

            @Override
            public boolean incrementToken() {
                if (next >= terms.size()) {
                    return false;
                }
                clearAttributes();
                term.setEmpty().append(terms.get(next++));
                frequency.setTermFrequency(weight);
                return true;
            }
        }, TYPE);
    }
}
