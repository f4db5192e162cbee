package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** {@link CachingKStemFilter} gives exactly KStem's stems, remembered or not. */
class CachingKStemFilterTest {

    private static final String WORDS = "transformers transformer transformation transformations models modeling"
            + " studies studied studying running ran runs learning learned learns networks vision visions"
            + " images imaging imaged segmentation segmented better best worse is was being been children"
            + " indices matrices analyses analysis data datum proved proving provable graphs graph's x y z";

    @Test
    void stemsAsKStemDoesForNewAndRememberedWords() throws IOException {
        String text = WORDS + " " + WORDS;

        assertThat(terms(CachingKStemFilter::new, text)).isEqualTo(terms(KStemFilter::new, text))
                .contains("transformer", "transformation", "model", "study", "network", "image");
    }

    @Test
    void stemsAsKStemDoesAfterTheCacheIsEmptiedWhenFull() throws IOException {
        StringBuilder text = new StringBuilder();
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (int i = 0; i < CachingKStemFilter.MAX_CACHED + 500; i++) {
            // distinct words of letters only (base 26 with its digits written q to z), with a common one between them
            String word = "papers" + Integer.toString(i, 26).chars()
                    .map(c -> Character.isDigit(c) ? 'q' + (c - '0') : c)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
            distinct.add(word);
            text.append(word).append(" studies ");
        }
        text.append(WORDS);

        assertThat(distinct).as("more words than the cache holds").hasSizeGreaterThan(CachingKStemFilter.MAX_CACHED);
        assertThat(terms(CachingKStemFilter::new, text.toString())).isEqualTo(terms(KStemFilter::new, text.toString()));
    }

    @Test
    void leavesKeywordsAlone() throws IOException {
        CharArraySet keep = new CharArraySet(List.of("studies"), false);

        assertThat(terms(in -> new CachingKStemFilter(new SetKeywordMarkerFilter(in, keep)), "studies studies models"))
                .containsExactly("studies", "studies", "model", "studies", "studies", "model");
    }

    /** The text twice through one analyzer, as a thread of the index has: the cache lives on between texts. */
    private static List<String> terms(Function<TokenStream, TokenStream> stemmer, String text) throws IOException {
        try (Analyzer analyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                WhitespaceTokenizer source = new WhitespaceTokenizer();
                return new TokenStreamComponents(source, stemmer.apply(source));
            }
        }) {
            List<String> terms = new ArrayList<>();
            for (String again : List.of(text, text)) {
                try (TokenStream stream = analyzer.tokenStream("f", again)) {
                    CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                    stream.reset();
                    while (stream.incrementToken()) {
                        terms.add(term.toString());
                    }
                    stream.end();
                }
            }
            return terms;
        }
    }
}
