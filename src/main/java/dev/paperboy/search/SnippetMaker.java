package dev.paperboy.search;

import dev.paperboy.core.Snippet;
import dev.paperboy.search.PaperQueryFactory.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * Cuts a piece of about {@value #LENGTH} characters out of an abstract where the query words gather (the
 * first piece that holds them all, else the one holding the most), and marks them. Each candidate word is
 * analysed as it was indexed, so "models" is marked for a search for "model". Works on the paper's text, so
 * the index needs no offsets.
 */
final class SnippetMaker {

    static final int LENGTH = 200;
    /** The most characters between two parts of a word typed in parts: "-of-the-" has eight. */
    private static final int MAX_PART_GAP = 8;
    private static final String ELLIPSIS = "…";
    private static final char SOFT_HYPHEN = '\u00ad';
    /** Words whose analysis is remembered; past this the memory starts afresh. */
    static final int REMEMBERED_WORDS = 20_000;
    /** Letters, digits and the underscore among the ASCII characters, as the standard tokenizer reads them. */
    private static final boolean[] ASCII_WORD_CHARS = asciiWordChars();

    private final Analyzer analyzer;
    /**
     * How words were analysed ("" for a stop word), shared by all searches: snippets share most of their
     * words, and analysing a word is the dear part of finding them.
     */
    private final Map<String, String> stems = new ConcurrentHashMap<>();

    SnippetMaker(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    Snippet snippet(String abstractText, Set<String> terms) {
        return snippet(abstractText, new SnippetTerms(terms));
    }

    /**
     * The snippet. The abstract is read as it is; runs of white space become one space only in the piece
     * that is shown, so a long abstract is not copied for every hit. The piece's length is counted in the
     * abstract as written, so an abstract with runs of white space shows a little less.
     */
    Snippet snippet(String abstractText, SnippetTerms terms) {
        String text = abstractText.strip();
        if (text.isEmpty()) {
            return Snippet.none();
        }
        List<Match> matches = terms.isEmpty() ? List.of() : together(text, matches(text, terms), terms);
        if (matches.isEmpty()) {
            return lead(text);
        }
        int[] window = bestWindow(matches);
        int from = matches.get(window[0]).start();
        int to = matches.get(window[1]).end();
        int spare = Math.max(0, LENGTH - (to - from));
        int start = Math.max(0, from - spare / 3);
        if (start + LENGTH > text.length()) {
            // near the end of the abstract: show more of what comes before instead of a short piece
            start = Math.max(0, Math.min(from, text.length() - LENGTH));
        }
        if (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
            int space = nextSpace(text, start);
            start = space < 0 || space >= from ? from : space + 1;
        }
        int end = Math.min(text.length(), Math.max(to, start + LENGTH));
        if (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            int space = previousSpace(text, end);
            end = space >= to ? space : to;
        }
        // the cut may fall inside a run of white space: the piece starts and ends with a word
        while (start < from && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > to && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return spans(text, matches.subList(window[0], window[1] + 1), start, end);
    }

    private record Match(int start, int end, int term) {
    }

    /**
     * The words of the text whose analysed form is a query term. Running the tokenizer over every abstract
     * was most of a search's time, so words are found by a plain scan (letters and digits, joined across
     * an apostrophe or a dot between letters, and a dot or comma between digits, as the standard tokenizer
     * joins them), and a word is analysed (alone, as the indexer would) only when it is not a term as it
     * stands and its first two letters, folded, are those of some term; stems keep the first letters of
     * their word.
     */
    private List<Match> matches(String text, SnippetTerms terms) {
        List<Match> matches = new ArrayList<>();
        // where each term was last seen: once one piece holds them all, no later piece holds more, and the
        // scan goes on only as far as that piece reaches
        int[] lastSeen = new int[terms.terms.length];
        Arrays.fill(lastSeen, -1);
        // a word typed in parts is marked only where its parts stand together, which the first piece may not show
        int unseen = terms.chains.isEmpty() ? terms.terms.length : Integer.MAX_VALUE;
        int length = text.length();
        int limit = length;
        int i = 0;
        while (i < limit) {
            if (!isWordChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int end = wordEnd(text, start);
            i = end;
            char first = text.charAt(start);
            char second = end > start + 1 ? text.charAt(start + 1) : 0;
            // "C++", "C#": only the stem ("cpp") says whether it is a term
            boolean marked = second != 0 && !isWordChar(second);
            if (!marked && first < 128 && second != 0 && second < 128) {
                if (!terms.startsWith(lower(first), lower(second))) {
                    continue;
                }
            } else if (!marked) {
                String head = folded(text, start, Math.min(end, start + 2));
                if (!terms.prefixes.contains(head.substring(0, Math.min(2, head.length())))) {
                    continue;
                }
            }
            int term = terms.indexOf(text, start, end);
            if (term < 0) {
                String stem = stemOf(folded(text, start, end));
                term = terms.indexOf(stem);
            }
            if (term >= 0) {
                matches.add(new Match(start, end, term));
                if (lastSeen[term] < 0) {
                    unseen--;
                }
                lastSeen[term] = start;
                if (unseen == 0 && limit == length && end - min(lastSeen) <= LENGTH) {
                    limit = Math.min(length, min(lastSeen) + LENGTH + 1);
                }
            }
        }
        return matches;
    }

    /**
     * The matches without parts of a word typed in parts that stand apart from its other parts; where they stand
     * together, one match from the first to the last, with the stop words at its ends ("in-context", "GPT-4",
     * "Mixture-of-Experts"), so that the word is marked as one.
     */
    private static List<Match> together(String text, List<Match> matches, SnippetTerms terms) {
        if (terms.chains.isEmpty()) {
            return matches;
        }
        List<Match> together = new ArrayList<>();
        int i = 0;
        while (i < matches.size()) {
            Match whole = null;
            int parts = 1;
            for (int c = 0; c < terms.chains.size() && whole == null; c++) {
                int[] chain = terms.chains.get(c);
                if (standsAt(text, matches, i, chain, terms.afterStopWord.get(c))) {
                    whole = withEdges(text, matches.get(i), matches.get(i + chain.length - 1), terms.edges.get(c));
                    parts = chain.length;
                }
            }
            if (whole != null) {
                together.add(whole);
                i += parts;
                continue;
            }
            if (!terms.partOnly[matches.get(i).term()]) {
                together.add(matches.get(i));
            }
            i++;
        }
        return together;
    }

    /**
     * Whether the chain's parts are the matches from {@code at} on, each joined to the one before by a hyphen or a
     * space, or by a word where the typed word had a stop word.
     */
    private static boolean standsAt(String text, List<Match> matches, int at, int[] chain, boolean[] afterStopWord) {
        if (at + chain.length > matches.size()) {
            return false;
        }
        for (int j = 0; j < chain.length; j++) {
            Match match = matches.get(at + j);
            if (match.term() != chain[j]) {
                return false;
            }
            if (j > 0 && !joins(text, matches.get(at + j - 1).end(), match.start(), afterStopWord[j])) {
                return false;
            }
        }
        return true;
    }

    /**
     * One match from the chain's first match to its last, with the stop words that stand before and after it ("in-"
     * before "context"), or null when they do not.
     */
    private static Match withEdges(String text, Match first, Match last, SnippetTerms.Chain chain) {
        int at = first.start();
        for (int w = chain.before().size() - 1; w >= 0 && at >= 0; w--) {
            at = wordBefore(text, at, chain.before().get(w));
        }
        int to = last.end();
        for (int w = 0; w < chain.after().size() && to >= 0; w++) {
            to = wordAfter(text, to, chain.after().get(w));
        }
        return at >= 0 && to >= 0 ? new Match(at, to, first.term()) : null;
    }

    /** Where the word starts that stands before {@code at}, a hyphen or space between, or -1 when it is not there. */
    private static int wordBefore(String text, int at, String word) {
        int end = at;
        while (end > 0 && at - end < MAX_PART_GAP && isPartGap(text.charAt(end - 1))) {
            end--;
        }
        int start = end - word.length();
        boolean there = end < at && start >= 0 && text.regionMatches(true, start, word, 0, word.length())
                && (start == 0 || !isWordChar(text.charAt(start - 1)));
        return there ? start : -1;
    }

    /** Where the word ends that stands after {@code at}, a hyphen or space between, or -1 when it is not there. */
    private static int wordAfter(String text, int at, String word) {
        int start = at;
        while (start < text.length() && start - at < MAX_PART_GAP && isPartGap(text.charAt(start))) {
            start++;
        }
        int end = start + word.length();
        boolean there = start > at && end <= text.length() && text.regionMatches(true, start, word, 0, word.length())
                && (end == text.length() || !isWordChar(text.charAt(end)));
        return there ? end : -1;
    }

    private static boolean isPartGap(char c) {
        return c == ' ' || PaperAnalyzers.HYPHENS.indexOf(c) >= 0;
    }

    /** A gap of hyphens and spaces, with letters only where a stop word stood ("-of-", " of the "). */
    private static boolean joins(String text, int from, int to, boolean wordBetween) {
        if (to - from < 1 || to - from > MAX_PART_GAP) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!(wordBetween && Character.isLetter(c)) && !isPartGap(c)) {
                return false;
            }
        }
        return true;
    }

    private static int min(int[] values) {
        int min = Integer.MAX_VALUE;
        for (int value : values) {
            min = Math.min(min, value);
        }
        return min;
    }

    private String stemOf(String word) {
        String stem = stems.get(word);
        if (stem == null) {
            if (stems.size() >= REMEMBERED_WORDS) {
                stems.clear();
            }
            stem = stemOrEmpty(word);
            stems.put(word, stem);
        }
        return stem;
    }

    private static boolean[] asciiWordChars() {
        boolean[] word = new boolean[128];
        for (char c = 0; c < 128; c++) {
            word[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
        }
        return word;
    }

    private static boolean isWordChar(char c) {
        if (c < 128) {
            return ASCII_WORD_CHARS[c];
        }
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    /** Where the word starting at {@code start} ends. */
    private static int wordEnd(String text, int start) {
        int i = start;
        int length = text.length();
        while (i < length) {
            char c = text.charAt(i);
            if (isWordChar(c)) {
                i++;
                continue;
            }
            if (i == start + 1) {
                // "C++", "C#", "F#": one word, as the analyzer maps them
                char letter = Character.toLowerCase(text.charAt(start));
                int marks = letter == 'c' && text.startsWith("++", i) ? 2 : (letter == 'c' || letter == 'f')
                        && c == '#' ? 1 : 0;
                if (marks > 0) {
                    i += marks;
                    continue;
                }
            }
            if ((c == SOFT_HYPHEN || c == '&') && i > start && i + 1 < length && isWordChar(text.charAt(i + 1))) {
                i++; // an invisible hyphen inside a word, which the analyzer removes, or the ampersand of "Q&A"
                continue;
            }
            if (c == '\\' && i > start && i + 2 < length && text.charAt(i + 1) == '&'
                    && isWordChar(text.charAt(i + 2))) {
                i += 2; // TeX's "Q\&A"
                continue;
            }
            if (i + 1 < length && i > start && isJoiner(c)) {
                char before = text.charAt(i - 1);
                char after = text.charAt(i + 1);
                boolean letters = (c == '\'' || c == '\u2019' || c == '.')
                        && Character.isLetter(before) && Character.isLetter(after);
                boolean digits = (c == '.' || c == ',' || c == '\'' || c == ';')
                        && Character.isDigit(before) && Character.isDigit(after);
                if (letters || digits) {
                    i += 2;
                    continue;
                }
            }
            break;
        }
        return i;
    }

    /** A character that may join two parts of one word: "don't", "e.g", "3.5", "1,000". */
    private static boolean isJoiner(char c) {
        return c == '\'' || c == '.' || c == ',' || c == ';' || c == '\u2019';
    }

    private static int nextSpace(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int previousSpace(String text, int from) {
        for (int i = Math.min(from, text.length() - 1); i >= 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /** Lower case, and accents folded to ASCII, as the index folds them. */
    private static String folded(String text, int from, int to) {
        char[] chars = new char[to - from];
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            ascii &= c < 128;
            chars[i - from] = c < 128 ? lower(c) : Character.toLowerCase(c);
        }
        if (ascii) {
            return new String(chars);
        }
        char[] out = new char[chars.length * 4];
        int n = ASCIIFoldingFilter.foldToASCII(chars, 0, out, 0, chars.length);
        return new String(out, 0, n);
    }

    /** The word as the index holds it, or "" when the analyzer drops it (a stop word). */
    private String stemOrEmpty(String word) {
        List<Token> tokens = PaperQueryFactory.analyze(analyzer, PaperFields.ABSTRACT, word);
        return tokens.isEmpty() ? "" : tokens.get(0).text();
    }

    /** Runs of white space as one space, without a regular expression (this runs for every hit). */
    static String collapseSpaces(String text) {
        char[] out = null;
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = c <= ' ' ? Character.isWhitespace(c) : c >= 128 && Character.isWhitespace(c);
            if (out == null) {
                if (!space || c == ' ' && (i == 0 || !Character.isWhitespace(text.charAt(i - 1)))) {
                    continue;
                }
                out = new char[text.length()];
                text.getChars(0, i, out, 0);
                length = i;
            }
            if (!space) {
                out[length++] = c;
            } else if (length == 0 || out[length - 1] != ' ') {
                out[length++] = ' ';
            }
        }
        return out == null ? text : new String(out, 0, length);
    }

    /**
     * The first and last match of the window that holds the most different query words, the most matches
     * breaking ties. Matches are only looked for up to the end of the first piece that holds every query
     * word, so a snippet shows the first place where all the words stand together.
     */
    private static int[] bestWindow(List<Match> matches) {
        int bestFirst = 0;
        int bestLast = 0;
        int bestDistinct = 0;
        int bestCount = 0;
        for (int first = 0; first < matches.size(); first++) {
            long seen = 0; // terms by index, modulo 64: only a heuristic needs telling them apart
            int last = first;
            for (int i = first; i < matches.size() && matches.get(i).end() - matches.get(first).start() <= LENGTH; i++) {
                seen |= 1L << (matches.get(i).term() & 63);
                last = i;
            }
            int distinct = Long.bitCount(seen);
            int count = last - first + 1;
            if (distinct > bestDistinct || (distinct == bestDistinct && count > bestCount)) {
                bestFirst = first;
                bestLast = last;
                bestDistinct = distinct;
                bestCount = count;
            }
        }
        return new int[] {bestFirst, bestLast};
    }

    private static Snippet spans(String text, List<Match> matches, int start, int end) {
        List<Snippet.Span> spans = new ArrayList<>();
        StringBuilder plain = new StringBuilder(start > 0 ? ELLIPSIS : "");
        StringBuilder marked = new StringBuilder();
        int cursor = start;
        for (Match match : matches) {
            String gap = text.substring(cursor, match.start());
            if (marked.length() > 0 && gap.isBlank()) {
                // "vision transformer" reads better marked as one run than as two
                marked.append(gap);
            } else {
                flush(spans, marked, true);
                plain.append(gap);
            }
            flush(spans, plain, false);
            marked.append(text, match.start(), match.end());
            cursor = match.end();
        }
        flush(spans, marked, true);
        plain.append(text, cursor, end);
        if (end < text.length()) {
            plain.append(ELLIPSIS);
        }
        flush(spans, plain, false);
        return new Snippet(spans);
    }

    private static void flush(List<Snippet.Span> spans, StringBuilder text, boolean highlighted) {
        if (text.length() > 0) {
            spans.add(new Snippet.Span(collapseSpaces(text.toString()), highlighted));
            text.setLength(0);
        }
    }

    /** The start of the abstract, cut at a word boundary. */
    private static Snippet lead(String text) {
        String collapsed = collapseSpaces(text);
        if (collapsed.length() <= LENGTH) {
            return Snippet.plain(collapsed);
        }
        int cut = collapsed.lastIndexOf(' ', LENGTH);
        if (cut < LENGTH / 2) {
            cut = LENGTH;
        }
        return Snippet.plain(collapsed.substring(0, cut).stripTrailing() + ELLIPSIS);
    }
}
