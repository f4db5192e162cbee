package dev.paperboy.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * A text analysed once and replayed: its own field gets the terms with their positions, and the
 * {@link WeightedTerms} of the combined field the same terms, without analysing the text twice.
 */
final class AnalyzedText {

    private final List<String> terms = new ArrayList<>();
    private int[] increments = new int[16];

    static AnalyzedText of(Analyzer analyzer, String field, String text) {
        AnalyzedText analyzed = new AnalyzedText();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (analyzed.terms.size() == analyzed.increments.length) {
                    analyzed.increments = java.util.Arrays.copyOf(analyzed.increments, analyzed.terms.size() * 2);
                }
                analyzed.increments[analyzed.terms.size()] = increment.getPositionIncrement();
                analyzed.terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("could not analyse a text held in memory", e);
        }
        return analyzed;
    }

    List<String> terms() {
        return terms;
    }


    /** The terms with their positions, as the analyzer gave them. */
    TokenStream tokenStream() {
        return replay(false);
    }

    /** Marks an initial made from a name word ("y*" from "yann"), so that only {@code au:} finds it. */
    static final char INITIAL_MARK = '*';

    /**
     * The terms with their positions, each name word followed by its initial at the same position ("yann", then
     * "y*"), so that a name typed with initials ("Y. LeCun") can be a phrase of the field. The mark keeps the
     * made initials apart from a lone letter a paper lists, which plain words still match as written. A joined
     * given name has its parts' initials too ("ming_hsuan": "m*" and "mh*", for "M.-H. Yang").
     */
    TokenStream tokenStreamWithInitials() {
        return replay(true);
    }

    /** The initials of a name word at its position: its first letter, then the letters of its joined parts. */
    static List<String> initialsOf(String word) {
        if (word.length() < 2 || !Character.isLetter(word.charAt(0))) {
            return List.of();
        }
        String first = word.charAt(0) + String.valueOf(INITIAL_MARK);
        if (word.indexOf(PaperAnalyzers.NAME_JOINER) < 0) {
            return List.of(first);
        }
        StringBuilder parts = new StringBuilder();
        for (String part : word.split(String.valueOf(PaperAnalyzers.NAME_JOINER))) {
            if (!part.isEmpty()) {
                parts.append(part.charAt(0));
            }
        }
        return List.of(first, parts.append(INITIAL_MARK).toString());
    }

    private TokenStream replay(boolean initials) {
        return new TokenStream() {
            private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
            private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
            private int next;
            private List<String> initialsDue = List.of();
            private int initialsGiven;

            @Override
            public boolean incrementToken() {
                clearAttributes();
                if (initialsGiven < initialsDue.size()) {
                    term.setEmpty().append(initialsDue.get(initialsGiven++));
                    increment.setPositionIncrement(0);
                    return true;
                }
                if (next >= terms.size()) {
                    return false;
                }
                String word = terms.get(next);
                term.setEmpty().append(word);
                increment.setPositionIncrement(increments[next]);
                initialsDue = initials ? initialsOf(word) : List.of();
                initialsGiven = 0;
                next++;
                return true;
            }

            @Override
            public void reset() throws IOException {
                super.reset();
                next = 0;
                initialsDue = List.of();
                initialsGiven = 0;
            }
        };
    }
}
