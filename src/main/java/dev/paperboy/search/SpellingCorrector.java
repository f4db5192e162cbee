package dev.paperboy.search;

import dev.paperboy.search.UserQuery.Clause;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Suggests a corrected query: each word that no paper contains is replaced by the closest word that
 * papers do contain (fewest edits, then the most papers), found with Lucene's fuzzy terms enumeration
 * over the unstemmed vocabulary. The rest of the typed query is kept as it was.
 */
final class SpellingCorrector {

    /** Correcting more words than this is guessing, not correcting. */
    static final int MAX_CORRECTIONS = 8;
    /** Candidates looked at per word; the vocabulary near a short word can be large. */
    private static final int MAX_CANDIDATES = 2000;

    private final Analyzer spelling;

    SpellingCorrector(Analyzer spelling) {
        this.spelling = spelling;
    }

    /** The typed query with its unknown words corrected, or empty when there is nothing to correct. */
    Optional<String> correct(IndexReader reader, String typed, UserQuery query) throws IOException {
        Terms vocabulary = MultiTerms.getTerms(reader, PaperFields.SPELL);
        if (vocabulary == null) {
            return Optional.empty();
        }
        List<Replacement> replacements = new ArrayList<>();
        for (Clause clause : query.positiveClauses()) {
            if (!clause.kind().isText()) {
                continue;
            }
            for (Word word : words(clause)) {
                if (replacements.size() >= MAX_CORRECTIONS) {
                    break;
                }
                int edits = allowedEdits(word.text());
                if (edits == 0 || reader.docFreq(new Term(PaperFields.SPELL, word.text())) > 0) {
                    continue;
                }
                closest(vocabulary, word.text(), edits).ifPresent(better ->
                        replacements.add(new Replacement(word.start(), word.end(),
                                matchCase(typed.substring(word.start(), word.end()), better))));
            }
        }
        if (replacements.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder corrected = new StringBuilder(typed);
        replacements.sort(Comparator.comparingInt(Replacement::start).reversed());
        for (Replacement r : replacements) {
            corrected.replace(r.start(), r.end(), r.text());
        }
        return Optional.of(corrected.toString());
    }

    /** A word of the typed query: its folded form and where it stands in the typed text. */
    private record Word(String text, int start, int end) {
    }

    private record Replacement(int start, int end, String text) {
    }

    private List<Word> words(Clause clause) throws IOException {
        List<Word> words = new ArrayList<>();
        try (TokenStream stream = spelling.tokenStream(PaperFields.SPELL, clause.value())) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(new Word(term.toString(), clause.start() + offset.startOffset(),
                        clause.start() + offset.endOffset()));
            }
            stream.end();
        }
        return words;
    }

    /** Like Elasticsearch's "AUTO": none for short words, where one edit makes another word. */
    static int allowedEdits(String word) {
        if (!word.chars().allMatch(Character::isLetter)) {
            return 0; // numbers, ids and versions are not typos
        }
        int length = word.codePointCount(0, word.length());
        return length < 4 ? 0 : length < 6 ? 1 : 2;
    }

    private static Optional<String> closest(Terms vocabulary, String word, int edits) throws IOException {
        // the first letter is rarely the mistake, and fixing it keeps the enumeration small
        FuzzyTermsEnum candidates = new FuzzyTermsEnum(vocabulary, new Term(PaperFields.SPELL, word), edits, 1, true);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int bestFreq = 0;
        BytesRef candidate;
        int seen = 0;
        while ((candidate = candidates.next()) != null && seen++ < MAX_CANDIDATES) {
            String text = candidate.utf8ToString();
            int distance = distance(word, text);
            int freq = candidates.docFreq();
            if (distance < bestDistance || (distance == bestDistance && freq > bestFreq)) {
                best = text;
                bestDistance = distance;
                bestFreq = freq;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Edit distance counting a swap of two neighbouring letters as one edit ("trasnformer"). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** "Trasnformer" becomes "Transformer", "BERT" with a typo stays upper case. */
    private static String matchCase(String typed, String correction) {
        if (typed.chars().filter(Character::isLetter).allMatch(Character::isUpperCase) && typed.length() > 1) {
            return correction.toUpperCase(java.util.Locale.ROOT);
        }
        if (!typed.isEmpty() && Character.isUpperCase(typed.charAt(0))) {
            return Character.toUpperCase(correction.charAt(0)) + correction.substring(1);
        }
        return correction;
    }
}
