package dev.paperboy.search;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

/**
 * The combined field {@link PaperFields#TEXT} of one paper: each occurrence of a term counts its source
 * field's weight (BM25F at indexing time), so that a title word counts as much as several abstract words.
 * The weights are summed here and each distinct term is indexed once with its sum, which is what Lucene
 * would store for the term anyway; it takes the sum of all frequencies as the field's length.
 */
final class WeightedTerms {

    /** Frequencies and norms, no positions: custom term frequencies cannot have positions. */
    static final FieldType TYPE = type();

    private final Map<String, Integer> frequencies = new HashMap<>();

    private static FieldType type() {
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.setTokenized(true);
        type.freeze();
        return type;
    }

    /** Counts each occurrence of these terms {@code weight} times. */
    void add(List<String> terms, int weight) {
        for (String term : terms) {
            frequencies.merge(term, weight, Integer::sum);
        }
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

    boolean isEmpty() {
        return frequencies.isEmpty();
    }

    /** The field: each term once, with the sum of its weights as its frequency. */
    Field field() {
        Iterator<Map.Entry<String, Integer>> entries = frequencies.entrySet().iterator();
        return new Field(PaperFields.TEXT, new TokenStream() {
            private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
            private final TermFrequencyAttribute frequency = addAttribute(TermFrequencyAttribute.class);

            @Override
            public boolean incrementToken() {
                if (!entries.hasNext()) {
                    return false;
                }
                clearAttributes();
                Map.Entry<String, Integer> entry = entries.next();
                term.setEmpty().append(entry.getKey());
                frequency.setTermFrequency(entry.getValue());
                return true;
            }
        }, TYPE);
    }
}
