package dev.paperboy.search;

import dev.paperboy.search.PaperQueryFactory.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * How a plain word written in parts is searched. A hyphenated word ("gpt-4", "k-means", "Smith-Jones") is the
 * word as the combined field holds every hyphenated word of a paper, joined ({@link #joinedTerms}: "gpt4", which
 * also finds it written as one), and the adjacent words of each title, marked ({@link #titleRuns}: "Mixture of
 * Experts" is also "+mixtureofexpert"), the two as one word ({@link SynonymQuery}), or one author's name written
 * apart ("Ming Hsuan Yang" for ming-hsuan). Not its parts side by side in abstracts: looking for them in every
 * abstract that has both took 1.6 to 2 times as long (88k, `self-supervised learning`), and even a title phrase at
 * query time made such topics 4 times as slow at 1M (2 to 8-10 ms), which the joined title words avoid. A word of letters then digits ("gpt4o", "llama3", "llama-3") or
 * with a version ("llama3.1", "qwen-2.5") also finds it written in two ("GPT-4o", "Llama 3.1") in any field, at
 * half the score. Stop words are not indexed, so a part that is one ("in-context") is only found joined.
 * {@link #inField} does the same for {@code ti:} and {@code abs:}, whose fields hold no joined words.
 */
final class CompoundWords {

    private static final Pattern HYPHENATED = Pattern.compile(
            "[\\p{L}\\p{N}]+(?:" + PaperAnalyzers.HYPHEN + "[\\p{L}\\p{N}]+)+");
    /** Two letters or more, then a digit: "gpt4o" is "gpt" and "4o", as "GPT-4o" is indexed. */
    private static final Pattern LETTERS_THEN_DIGITS = Pattern.compile("(\\p{L}{2,})(\\p{N}[\\p{L}\\p{N}]*)");
    /**
     * Letters, a hyphen or none, then a version with decimals ("llama3.1", "qwen-2.5", "GPT-3.5"): the tokenizer keeps
     * "Llama3.1" as one word and "Llama-3.1" as two, "llama" and "3.1".
     */
    private static final Pattern LETTERS_THEN_VERSION = Pattern.compile(
            "(\\p{L}{2,})" + PaperAnalyzers.HYPHEN + "?(\\p{N}+(?:\\.\\p{N}+)+)");
    /** A name typed before a number apart: "Qwen 2.5", "Llama 3", "GPT 4o", "YOLO v8". */
    private static final Pattern NAME = Pattern.compile("\\p{L}{2,}");
    private static final Pattern NUMBER = Pattern.compile("[vV]?\\p{N}+(?:\\.\\p{N}+)*\\p{L}?");
    /** The fields where the parts of a word written in two can stand next to each other. */
    private static final List<String> POSITIONAL = List.of(PaperFields.TITLE, PaperFields.ABSTRACT,
            PaperFields.COMMENT, PaperFields.TOPICS);
    /** The parts of a hyphenated word joined at most: "a-b-c" is also "ab", "bc" and "abc". */
    private static final int MAX_JOINED_PARTS = 6;

    /**
     * What a word of a {@code ti:} or {@code abs:} clause written as one scores, below any match of its parts side
     * by side (a term's weight in a field is several points).
     */
    static final float AS_ONE_IN_FIELD_SCORE = 0.5f;
    /** A title word as a whole, with what may open or close it: "(Mixture", "Experts:", "'Lost", "Middle'". */
    private static final Pattern WHOLE_WORD = Pattern.compile(
            "([(\\[{\"\u201c'\u2018]?)([\\p{L}\\p{N}]+)([)\\]}\"\u201d'\u2019,.:;!?]*)");
    /** Marks {@link #writtenApart} terms; the analyzer never keeps it. */
    private static final String APART = "+";
    /** Stop words a joined title run may hold: "state of the art" and "in the wild" have two. */
    private static final int MAX_STOP_WORDS = 2;

    private final Analyzer english;
    private final Analyzer names;

    CompoundWords(Analyzer english, Analyzer names) {
        this.english = english;
        this.names = names;
    }

    /**
     * The word that a name typed before a number stands for ("Qwen 2.5" is qwen2.5, "YOLO v8" yolov8), or empty
     * when the two are not such a pair. Papers write such a model name as one word as often as in two.
     */
    static Optional<String> writtenAsOne(String name, String number) {
        return NAME.matcher(name).matches() && NUMBER.matcher(number).matches()
                ? Optional.of(name + number) : Optional.empty();
    }

    /** The query for a plain word, scored in {@link PaperFields#TEXT}; empty when it has no word to search. */
    Optional<Query> word(String value) {
        Matcher version = LETTERS_THEN_VERSION.matcher(value);
        if (version.matches()) {
            List<Query> ways = new ArrayList<>();
            joined(english, version.group(1) + version.group(2)).ifPresent(term -> ways.add(text(term)));
            apart(version.group(1), version.group(2)).ifPresent(ways::add);
            return ways.isEmpty() ? Optional.empty() : Optional.of(either(ways));
        }
        if (!HYPHENATED.matcher(value).matches()) {
            List<Token> tokens = PaperQueryFactory.analyze(english, PaperFields.TEXT, value);
            if (tokens.size() != 1) {
                // a word split otherwise ("input/output", "foo:bar") needs its parts anywhere
                return tokens.isEmpty() ? Optional.empty() : Optional.of(allOf(tokens, null));
            }
            List<Query> ways = new ArrayList<>(List.of(text(tokens.get(0).text())));
            writtenInTwo(value).ifPresent(ways::add);
            return Optional.of(either(ways));
        }
        List<Query> ways = new ArrayList<>();
        String joinedText = value.replaceAll(PaperAnalyzers.HYPHEN, "");
        Optional<String> joined = joined(english, joinedText);
        joined.ifPresent(term -> ways.add(eitherWay(term)));
        // or one author's name written apart ("Ming Hsuan Yang" for ming-hsuan), worth what a person typed is
        List<Token> name = PaperQueryFactory.analyze(names, PaperFields.AUTHORS, value);
        if (name.size() > 1) {
            ways.add(new BoostQuery(new ConstantScoreQuery(PaperQueryFactory.phrase(PaperFields.AUTHORS, name, 0)),
                    PersonQueries.NAME_SCORE));
        }
        writtenInTwo(joinedText).ifPresent(ways::add);
        return ways.isEmpty() ? Optional.empty() : Optional.of(either(ways));
    }

    /**
     * The hyphenated words of a text as the combined field holds them beside their parts, joined, as the English
     * analyzer reads the word without its hyphens: "self-supervised" is also "selfsupervised", and a chain each of
     * its runs of two parts or more ("gpt-4o-mini" is "gpt4o", "4omini" and "gpt4omini"), so that "gpt-4o" finds it.
     * A part in TeX's dollars counts as written without them ("$N$-body" is "nbody").
     */
    static List<String> joinedTerms(Analyzer english, String written) {
        // TeX's dollars around a part ("$N$-body", "$\\gamma$-ray") stand between it and the hyphen
        String text = written.indexOf('$') < 0 ? written : written.replace("$", "");
        List<String> terms = new ArrayList<>();
        int length = text.length();
        for (int i = 1; i + 1 < length; i++) {
            if (!isHyphenInWord(text, i)) {
                continue;
            }
            int start = i - 1;
            while (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))) {
                start--;
            }
            List<String> parts = new ArrayList<>(List.of(text.substring(start, i)));
            int end = i;
            while (end < length && isHyphenInWord(text, end)) {
                int from = end + 1;
                end = from;
                while (end < length && Character.isLetterOrDigit(text.charAt(end))) {
                    end++;
                }
                parts.add(text.substring(from, end));
            }
            int kept = Math.min(parts.size(), MAX_JOINED_PARTS);
            for (int first = 0; first < kept - 1; first++) {
                StringBuilder word = new StringBuilder(parts.get(first));
                for (int last = first + 1; last < kept; last++) {
                    word.append(parts.get(last));
                    joined(english, word.toString()).ifPresent(terms::add);
                }
            }
            i = end;
        }
        return terms;
    }

    /**
     * Adjacent words of a title written apart, joined as {@link #joinedTerms} joins a hyphenated word, for a
     * hyphenated word typed to find them: "Self Supervised" is "selfsupervise", "Mixture of Experts" (one or two stop
     * words between) "mixtureofexpert". The combined field holds them marked ({@link #writtenApart}), so that a plain
     * word never matches two words that happen to spell it ("I Am", "AI Red", "Data Based"). Only whole words with
     * nothing but spaces between them: a word that is part of another ("Test-Time", "Don't", "KIT's") parts the run,
     * and punctuation after a word ends it ("Experts:"), before one starts it ("(Mixture"). Never to a stop word, and
     * from one only when two stand before the word ("in the Wild" for in-the-wild, not "A Symmetric"). Titles only:
     * abstracts would add a term for every two words.
     */
    static List<String> titleRuns(Analyzer english, String title) {
        List<String> terms = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (String chunk : title.split("\\s+")) {
            Matcher word = WHOLE_WORD.matcher(chunk);
            boolean whole = word.matches();
            if (!whole || !word.group(1).isEmpty()) {
                endRun(english, run, terms);
            }
            if (whole) {
                run.add(word.group(2));
                if (!word.group(3).isEmpty()) {
                    endRun(english, run, terms);
                }
            }
        }
        endRun(english, run, terms);
        return terms;
    }

    /** A title's term for words written apart ({@link #titleRuns}), apart from any a typed word is analysed to. */
    static String writtenApart(String joined) {
        return APART + joined;
    }

    /**
     * Each word of a run with the next word that is not a stop word, with at most {@value #MAX_STOP_WORDS} stop
     * words in all, into {@code terms}; and two stop words, from the first, with the word after them ("in the wild"
     * is "inthewild"). One stop word before a word is mostly a preposition: "in Vehicle Re-Identification" is not
     * "in-vehicle". The run is then empty, for the next.
     */
    private static void endRun(Analyzer english, List<String> run, List<String> terms) {
        for (int first = 0; first + 1 < run.size(); first++) {
            boolean stopWordFirst = isStopWord(run.get(first));
            if (stopWordFirst && (first > 0 && isStopWord(run.get(first - 1)) || !isStopWord(run.get(first + 1)))) {
                continue;
            }
            int lastNext = first + 1 + MAX_STOP_WORDS - (stopWordFirst ? 1 : 0);
            StringBuilder word = new StringBuilder(run.get(first));
            for (int next = first + 1; next < run.size() && next <= lastNext; next++) {
                word.append(run.get(next));
                if (!isStopWord(run.get(next))) {
                    joined(english, word.toString()).ifPresent(terms::add);
                    break;
                }
            }
        }
        run.clear();
    }

    private static boolean isStopWord(String word) {
        return PaperAnalyzers.STOP_WORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static boolean isHyphenInWord(String text, int at) {
        return at > 0 && at + 1 < text.length() && PaperAnalyzers.HYPHENS.indexOf(text.charAt(at)) >= 0
                && Character.isLetterOrDigit(text.charAt(at - 1)) && Character.isLetterOrDigit(text.charAt(at + 1));
    }

    /** The one term the analyzer makes of a word written without its hyphens; empty when it makes none or more. */
    private static Optional<String> joined(Analyzer english, String word) {
        List<Token> tokens = PaperQueryFactory.analyze(english, PaperFields.TEXT, word);
        return tokens.size() == 1 ? Optional.of(tokens.get(0).text()) : Optional.empty();
    }

    /**
     * A word of letters then digits, or with a version ("gpt4o", "llama3.1"), as its two parts, which papers also
     * write apart ("GPT-4o", "Llama 3.1"); empty for any other word.
     */
    static Optional<List<String>> inTwoParts(String word) {
        Matcher version = LETTERS_THEN_VERSION.matcher(word);
        Matcher digits = LETTERS_THEN_DIGITS.matcher(word);
        Matcher split = version.matches() ? version : digits.matches() ? digits : null;
        return split == null ? Optional.empty() : Optional.of(List.of(split.group(1), split.group(2)));
    }

    /** Letters then digits ("llama3") as two words next to each other in one field ("Llama 3"). */
    private Optional<Query> writtenInTwo(String word) {
        Matcher split = LETTERS_THEN_DIGITS.matcher(word.toLowerCase(Locale.ROOT));
        return split.matches() ? apart(split.group(1), split.group(2)) : Optional.empty();
    }

    /** Two words next to each other in one field, scored in the combined field; empty unless they are two terms. */
    private Optional<Query> apart(String letters, String digits) {
        List<Token> apart = PaperQueryFactory.analyze(english, PaperFields.TEXT, letters + " " + digits);
        // at half the score: two words each somewhat rare outscored the word written as one in a title
        return apart.size() == 2 ? Optional.of(new BoostQuery(allOf(apart, together(apart)), 0.5f))
                : Optional.empty();
    }

    /**
     * A word of one field ({@code ti:gpt4o}, {@code abs:llama-3.1}) in the forms the field holds it: that field
     * holds no joined words, so a word of letters then digits (or a version, or a hyphenated word) is its parts
     * side by side, scored, and also found written as one ("GPT4o"), after those: the rarer spelling's higher
     * weight must not put its few papers first. A hyphenated word whose first or last part is a stop word
     * ("in-context") is its other parts in the field, in a paper that has the word. Empty for any other value:
     * it is searched as analysed.
     */
    Optional<Query> inField(String field, String value) {
        Optional<List<String>> inParts = HYPHENATED.matcher(value).matches()
                ? Optional.of(List.of(value.split(PaperAnalyzers.HYPHEN))) : inTwoParts(value);
        if (inParts.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = inParts.get();
        List<Token> apart = PaperQueryFactory.analyze(english, field, String.join(" ", parts));
        Optional<String> joined = joined(english, String.join("", parts));
        Query sideBySide;
        if (apart.size() > 1) {
            sideBySide = PaperQueryFactory.phrase(field, apart, 0);
        } else if (apart.size() == 1 && joined.isPresent()) {
            sideBySide = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(field, apart.get(0).text())), Occur.MUST)
                    .add(eitherWay(joined.get()), Occur.FILTER).build();
        } else {
            return Optional.empty();
        }
        if (joined.isEmpty()) {
            return Optional.of(sideBySide);
        }
        Query asOne = new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(field, joined.get()))),
                AS_ONE_IN_FIELD_SCORE);
        return Optional.of(either(List.of(sideBySide, asOne)));
    }

    /** The joined word in the combined field, written hyphenated or as one, or apart in a title: one word. */
    private static Query eitherWay(String term) {
        return new SynonymQuery.Builder(PaperFields.TEXT).addTerm(new Term(PaperFields.TEXT, term))
                .addTerm(new Term(PaperFields.TEXT, writtenApart(term))).build();
    }

    /** The best way a paper has the word counts, not their sum: "GPT-4 … GPT4" is not twice a GPT-4 paper. */
    private static Query either(List<Query> ways) {
        return ways.size() == 1 ? ways.get(0) : new DisjunctionMaxQuery(ways, 0f);
    }

    private static Query text(String term) {
        return new TermQuery(new Term(PaperFields.TEXT, term));
    }

    /** Every part, scored in the combined field, and where {@code filter} says (null: anywhere). */
    private static Query allOf(List<Token> tokens, Query filter) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        tokens.stream().map(Token::text).distinct().forEach(t -> all.add(text(t), Occur.MUST));
        if (filter != null) {
            all.add(filter, Occur.FILTER);
        }
        return all.build();
    }

    /** The papers where the parts stand in this order in one field. */
    private static Query together(List<Token> tokens) {
        BooleanQuery.Builder together = new BooleanQuery.Builder();
        for (String field : POSITIONAL) {
            together.add(PaperQueryFactory.phrase(field, tokens, 0), Occur.SHOULD);
        }
        return together.build();
    }
}
