package dev.paperboy.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

/**
 * The combined field {@link PaperFields#TEXT} of one paper: each occurrence of a term counts its source
 * field's weight (BM25F at indexing time), so that a title word counts as much as several abstract words.
 * The weights are summed here and each distinct term is indexed once with its sum, which is what Lucene
 * would store for the term anyway. The field's length, which BM25 normalises by, is the sum of the
 * frequencies except those of {@link #addUnmeasured unmeasured} terms (authors): a paper by 2,900 people is
 * not a long paper, and an author's name in it must not count for less than in a paper by three. The length
 * travels to {@link PaperSimilarity} as the field's last position (the field has no positions of its own).
 */
final class WeightedTerms {

    /** Frequencies and norms, no positions: custom term frequencies cannot have positions. */
    static final FieldType TYPE = type(false);

    /** {@link #counted}: frequencies only. */
    private static final FieldType COUNTED = type(true);

    private final Map<String, Integer> frequencies = new HashMap<>();
    private int unmeasured;

    private static FieldType type(boolean omitNorms) {
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.setTokenized(true);
        type.setOmitNorms(omitNorms);
        type.freeze();
        return type;
    }

    /** Counts each occurrence of these terms {@code weight} times. */
    void add(List<String> terms, int weight) {
        for (String term : terms) {
            frequencies.merge(term, weight, Integer::sum);
        }
    }

    /** Counts each occurrence {@code weight} times, without making the field longer. */
    void addUnmeasured(List<String> terms, int weight) {
        add(terms, weight);
        unmeasured += weight * terms.size();
    }

    /**
     * Counts these terms, as one field's text: a term's first occurrence {@code weight} times, each further
     * one once more, and the term at most {@code cap} times in all.
     */
    void addCapped(List<String> terms, int weight, int cap) {
        Map<String, Integer> counted = new HashMap<>();
        for (String term : terms) {
            counted.merge(term, weight, (sum, w) -> Math.min(cap, sum + 1));
        }
        counted.forEach((term, count) -> frequencies.merge(term, count, Integer::sum));
    }

    /** A field of one term counted {@code frequency} times, for its collection statistics; no norms. */
    static Field counted(String field, int frequency) {
        return new Field(field, new TokenStream() {
            private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
            private final TermFrequencyAttribute count = addAttribute(TermFrequencyAttribute.class);
            private boolean done;

            @Override
            public boolean incrementToken() {
                if (done) {
                    return false;
                }
                clearAttributes();
                term.setEmpty().append('n');
                count.setTermFrequency(frequency);
                done = true;
                return true;
            }

            @Override
            public void reset() throws IOException {
                super.reset();
                done = false;
            }
        }, COUNTED);
    }

    boolean isEmpty() {
        return frequencies.isEmpty();
    }

    /**
     * The field: each term once, with the sum of its weights as its frequency; the first term's position
     * increment is the field's measured length (at least 1), the others' 0, so that the last position is one
     * less than the length.
     */
    Field field() {
        long total = frequencies.values().stream().mapToLong(Integer::longValue).sum();
        int length = (int) Math.max(1, Math.min(Integer.MAX_VALUE / 2, total - unmeasured));
        Iterator<Map.Entry<String, Integer>> entries = frequencies.entrySet().iterator();
        return new Field(PaperFields.TEXT, new TokenStream() {
            private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
            private final TermFrequencyAttribute frequency = addAttribute(TermFrequencyAttribute.class);
            private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
            private boolean first = true;

            @Override
            public boolean incrementToken() {
                if (!entries.hasNext()) {
                    return false;
                }
                clearAttributes();
                Map.Entry<String, Integer> entry = entries.next();
                term.setEmpty().append(entry.getKey());
                frequency.setTermFrequency(entry.getValue());
                increment.setPositionIncrement(first ? length : 0);
                first = false;
                return true;
            }
        }, TYPE);
    }
}
