package dev.paperboy.search;

import java.io.IOException;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Lucene's {@link KStemFilter}, remembering the stem of each word it has seen: the same few thousand words make
 * most of every abstract, and KStem looks each up in its dictionary several times (about a sixth of a build's
 * time went there). The stems are exactly KStem's. Each instance serves one thread (an analyzer keeps its token
 * streams per thread), so the cache needs no lock; it is emptied when full, which keeps it small.
 */
final class CachingKStemFilter extends TokenFilter {

    /**
     * Words remembered at most, about 2 MB, by each thread of each analyzer that stems (the index's, the snippets'):
     * the common ones are back within a few papers after the cache is emptied.
     */
    static final int MAX_CACHED = 20_000;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final CharArrayMap<char[]> stems = new CharArrayMap<>(1024, false);
    private final OneWord word = new OneWord();
    private final KStemFilter stemmer = new KStemFilter(word);

    CachingKStemFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (keyword.isKeyword()) {
            return true;
        }
        char[] stem = stems.get(term.buffer(), 0, term.length());
        if (stem == null) {
            stem = stemOf(term.buffer(), term.length());
            if (stems.size() >= MAX_CACHED) {
                stems.clear();
            }
            char[] typed = new char[term.length()];
            System.arraycopy(term.buffer(), 0, typed, 0, typed.length);
            stems.put(typed, stem);
        }
        term.copyBuffer(stem, 0, stem.length);
        return true;
    }

    private char[] stemOf(char[] buffer, int length) throws IOException {
        word.set(buffer, length);
        stemmer.incrementToken();
        char[] stem = new char[word.term.length()];
        System.arraycopy(word.term.buffer(), 0, stem, 0, stem.length);
        return stem;
    }

    /** The one word {@link #stemmer} reads, stemmed in place in its own attribute. */
    private static final class OneWord extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        void set(char[] buffer, int length) {
            term.copyBuffer(buffer, 0, length);
        }

        @Override
        public boolean incrementToken() {
            return true;
        }
    }
}
