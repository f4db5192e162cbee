package dev.paperboy.search;

import java.io.Reader;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/** The analyzers of the paper index: English text and person names. */
final class PaperAnalyzers {

    /**
     * Between two values of a multi-valued field (two authors, two topics), so that a phrase never
     * matches the end of one value and the start of the next.
     */
    static final int VALUE_GAP = 100;

    private PaperAnalyzers() {
    }

    /**
     * Words KStem must leave as written: "contrastive" (contrastive learning) would be "contrast", and so match
     * the "in contrast" of thousands of abstracts (in the 88k corpus 3,501 papers say only contrast, 2,404
     * contrastive).
     */
    static final CharArraySet KEPT_AS_WRITTEN = CharArraySet.unmodifiableSet(new CharArraySet(List.of("contrastive"),
            false));

    /**
     * Words the tokenizer would cut to one letter, as words it keeps ("C++" is "cpp", as its files are named;
     * "C#" "csharp"); the soft hyphen, which would otherwise stay inside a word ("zebra\u00adfish"); the ampersand (and
     * TeX's "\&") as "_and_", so that "Q&A" is one word, "q_and_a", rather than a "q", and no name ("H&E" staining is
     * not "he", nor the author Hande; alone, it is a stop word, {@link #AMPERSAND}); and the colon, which the
     * tokenizer keeps between two letters ("MedPlan:A Two-Stage", 278 titles of the 88k corpus written so).
     */
    private static final NormalizeCharMap LANGUAGE_NAMES = languageNames();
    /** What an ampersand reads as: inside a word, a part of it no name or word has; alone, a stop word. */
    static final String AMPERSAND = "_and_";

    private static NormalizeCharMap languageNames() {
        NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
        for (String c : List.of("c", "C")) {
            map.add(c + "++", "cpp");
            map.add(c + "#", "csharp");
        }
        map.add("F#", "fsharp");
        map.add("f#", "fsharp");
        map.add("\u00ad", "");
        map.add("&", AMPERSAND);
        map.add("\\&", AMPERSAND);
        map.add(":", " ");
        return map.build();
    }

    /**
     * Title, abstract, comment, topics. KStem rather than Porter: it keeps "transformer" apart from
     * "transformation" while still folding plurals ({@link CachingKStemFilter}: KStem's stems, remembered),
     * except for {@link #KEPT_AS_WRITTEN}.
     */
    /** Lucene's English stop words, and a lone ampersand. */
    static final CharArraySet STOP_WORDS = stopWords();

    private static CharArraySet stopWords() {
        CharArraySet words = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
        words.add(AMPERSAND);
        return CharArraySet.unmodifiableSet(words);
    }

    static Analyzer english() {
        return english(true);
    }

    /**
     * The English analyzer with KStem's stems remembered or not: words joined from a paper's parts ("gpt4omini",
     * "sparsemixture") are mostly seen once, and would crowd the common words out of the memory.
     */
    static Analyzer english(boolean rememberStems) {
        return new Analyzer() {
            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new MappingCharFilter(LANGUAGE_NAMES, reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream stream = new EnglishPossessiveFilter(source);
                stream = new LowerCaseFilter(stream);
                stream = new ASCIIFoldingFilter(stream);
                stream = new StopFilter(stream, STOP_WORDS);
                stream = new SetKeywordMarkerFilter(stream, KEPT_AS_WRITTEN);
                stream = rememberStems ? new CachingKStemFilter(stream) : new KStemFilter(stream);
                return new TokenStreamComponents(source, stream);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }

            @Override
            public int getPositionIncrementGap(String fieldName) {
                return VALUE_GAP;
            }
        };
    }

    /** The hyphens a name may be typed with: ASCII, Unicode's hyphen and non-breaking hyphen, the en dash. */
    static final String HYPHENS = "-\u2010\u2011\u2013";
    /** {@link #HYPHENS} as a character class does: the ASCII hyphen escaped. */
    private static final String HYPHEN_CLASS = "\\" + HYPHENS;
    static final String HYPHEN = "[" + HYPHEN_CLASS + "]";
    /** The letters of a name word, apostrophes included ("D'Arcy"): they are removed after joining. */
    private static final String NAME_LETTERS = "\\p{L}\\p{M}'\u2019";

    /**
     * Joins the parts of a hyphenated given name ("Ming-Hsuan", "An-Lan"), so that it is one name word and
     * "An Wang" is not "An-Lan Wang" with a middle name. Only a hyphen between letters, in the name's first word
     * and with another word after it: a hyphenated last name ("Smith-Jones", "Anna Smith-Jones Jr.", "Luis
     * García-Pérez López") keeps its parts, each a name. One name at a time: each author is analysed alone.
     */
    private static final Pattern GIVEN_NAME_HYPHEN = Pattern.compile("(?<=^\\s{0,16}[" + NAME_LETTERS + HYPHEN_CLASS
            + "]{0,64}[\\p{L}\\p{M}])" + HYPHEN + "(?=[\\p{L}\\p{M}][" + NAME_LETTERS + HYPHEN_CLASS + "]*\\s+\\S)");

    /** Stands between the parts of a joined given name: the tokenizer keeps it inside a word. */
    static final char NAME_JOINER = '_';

    private static final Pattern HYPHEN_IN_WORD =
            Pattern.compile("(?<=[\\p{L}\\p{M}])" + HYPHEN + "(?=[\\p{L}\\p{M}])");

    /** A hyphenated word ("An-Lan") as the names analyzer reads it before another name word: one word. */
    static String asGivenName(String word) {
        return HYPHEN_IN_WORD.matcher(word).replaceAll(String.valueOf(NAME_JOINER));
    }

    /**
     * Author names: no stemming and no stop words, and dots and apostrophes removed before
     * tokenising so that "Md." and "Md", "J.R.R." and "J. R. R.", "O'Brien" and "OBrien" agree. The parts
     * of a hyphenated given name are one word, joined by {@link #NAME_JOINER} ("ming_hsuan").
     */
    static Analyzer names() {
        NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
        map.add(".", " ");
        map.add("'", "");
        map.add("\u2019", "");
        NormalizeCharMap charMap = map.build();
        return new Analyzer() {
            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                // no one is named C++: a quoted "c++" searched in the authors too must not be every "C."
                Reader languages = new MappingCharFilter(LANGUAGE_NAMES, reader);
                Reader joined = new PatternReplaceCharFilter(GIVEN_NAME_HYPHEN, String.valueOf(NAME_JOINER), languages);
                return new MappingCharFilter(charMap, joined);
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(source);
                stream = new ASCIIFoldingFilter(stream);
                return new TokenStreamComponents(source, stream);
            }

            @Override
            public int getPositionIncrementGap(String fieldName) {
                return VALUE_GAP;
            }
        };
    }

    /** Words as typed, folded to lower-case ASCII: for the spelling field. */
    static Analyzer words() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream stream = new EnglishPossessiveFilter(source);
                stream = new LowerCaseFilter(stream);
                return new TokenStreamComponents(source, new ASCIIFoldingFilter(stream));
            }
        };
    }

    /** The analyzer for each field; keyword fields are indexed as single terms and never analyzed. */
    static Analyzer perField() {
        Analyzer english = english();
        return new PerFieldAnalyzerWrapper(english, Map.of(PaperFields.AUTHORS, names(), PaperFields.SPELL, words()));
    }
}
