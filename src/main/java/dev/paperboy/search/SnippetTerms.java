package dev.paperboy.search;

import dev.paperboy.search.PaperQueryFactory.Token;
import dev.paperboy.search.UserQuery.Clause;
import dev.paperboy.search.UserQuery.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * The query terms of one search with what finding them needs, worked out once for all the snippets of a page
 * ({@link SnippetMaker}), and how a query becomes them ({@link #of}).
 */
final class SnippetTerms {

    /** Between the words of a phrase typed: spaces and hyphens. */
    private static final String PHRASE_GAP = "(?:\\s|" + PaperAnalyzers.HYPHEN + ")+";

    /**
     * A word typed in parts: its parts' terms in order, and the stop words typed before and after them, which the
     * analyzer drops ("in-context" is "in", then the term context; "in-the-wild" "in", "the", then wild).
     */
    record Chain(List<Token> parts, List<String> before, List<String> after) {
        Chain(List<Token> parts) {
            this(parts, List.of(), List.of());
        }
    }

    final String[] terms;
    final Set<String> prefixes = new HashSet<>();
    /** Which pairs of ASCII characters begin a term, at {@code first * 128 + second}: asked of every word. */
    private final boolean[] asciiStarts = new boolean[128 * 128];
    /** The parts of each word typed in parts ("gpt-4"), as term indexes in order. */
    final List<int[]> chains = new ArrayList<>();
    /** For each chain, whether a stop word stood before each part ("mixture-of-experts"). */
    final List<boolean[]> afterStopWord = new ArrayList<>();
    /** For each chain, the stop words that stand before its first part and after its last. */
    final List<Chain> edges = new ArrayList<>();
    /** Terms that are only parts of such words: marked only where the whole word stands. */
    final boolean[] partOnly;

    SnippetTerms(Set<String> terms) {
        this(terms, List.of());
    }

    /**
     * The terms, and the words typed in parts: a part is marked only where the parts stand together ("GPT-4", not
     * each "4" of the abstract; "in-context", not each "context"), unless it is a term alone too.
     */
    SnippetTerms(Set<String> words, List<Chain> chains) {
        Set<String> all = new LinkedHashSet<>(words);
        chains.forEach(chain -> chain.parts().forEach(t -> all.add(t.text())));
        this.terms = all.toArray(String[]::new);
        this.partOnly = new boolean[terms.length];
        List<String> order = List.of(terms);
        for (Chain typed : chains) {
            List<Token> chain = typed.parts();
            edges.add(typed);
            this.chains.add(chain.stream().mapToInt(t -> order.indexOf(t.text())).toArray());
            boolean[] stopped = new boolean[chain.size()];
            for (int j = 1; j < chain.size(); j++) {
                stopped[j] = chain.get(j).position() - chain.get(j - 1).position() > 1;
            }
            afterStopWord.add(stopped);
            chain.stream().map(Token::text).filter(t -> !words.contains(t))
                    .forEach(t -> partOnly[order.indexOf(t)] = true);
        }
        for (String term : this.terms) {
            prefixes.add(term.substring(0, Math.min(2, term.length())));
            if (term.length() >= 2 && term.charAt(0) < 128 && term.charAt(1) < 128) {
                asciiStarts[term.charAt(0) * 128 + term.charAt(1)] = true;
            }
        }
    }

    /** Whether some term of two or more letters starts with these two (lower-case, ASCII) letters. */
    boolean startsWith(char first, char second) {
        return asciiStarts[first * 128 + second];
    }

    boolean isEmpty() {
        return terms.length == 0;
    }

    /** The index of the term equal to this word, or -1. */
    int indexOf(String word) {
        for (int t = 0; t < terms.length; t++) {
            if (terms[t].equals(word)) {
                return t;
            }
        }
        return -1;
    }

    /** The index of the term the text's word spells, ASCII case aside, or -1. */
    int indexOf(String text, int start, int end) {
        for (int t = 0; t < terms.length; t++) {
            if (terms[t].length() == end - start && text.regionMatches(true, start, terms[t], 0, end - start)) {
                return t;
            }
        }
        return -1;
    }

    /**
     * The analysed terms a snippet of the abstract should mark for this query; a word typed in parts ("gpt-4",
     * "llama-3.1", "in-context") or a phrase in quotes is marked where its parts stand together.
     */
    static SnippetTerms of(UserQuery query, Analyzer english) {
        Set<String> terms = new LinkedHashSet<>();
        List<Chain> chains = new ArrayList<>();
        Set<Clause> numbersAfterNames = new HashSet<>();
        List<List<Clause>> groups = query.groups();
        for (int g = 0; g + 1 < groups.size(); g++) {
            Optional<String> asOne = PaperQueryFactory.namedNumber(groups.get(g), groups.get(g + 1));
            if (asOne.isPresent()) {
                // "Qwen 2.5" is "Qwen2.5", and "Qwen-2.5" as one, but 2.5 alone is no model ("Gemini-2.5")
                addAsOneWord(english, asOne.get(), terms);
                Clause number = groups.get(g + 1).get(0);
                List<Token> apart = PaperQueryFactory.analyze(english, PaperFields.ABSTRACT,
                        groups.get(g).get(0).value() + " " + number.value());
                if (apart.size() == 2) {
                    chains.add(new Chain(apart));
                    numbersAfterNames.add(number);
                }
            }
        }
        for (Clause clause : query.positiveClauses()) {
            if ((clause.kind() == Kind.TEXT || clause.kind() == Kind.ABSTRACT) && !numbersAfterNames.contains(clause)) {
                List<Token> tokens = PaperQueryFactory.analyze(english, PaperFields.ABSTRACT, clause.value());
                if (clause.quoted()) {
                    // a phrase is marked where it stands, with its stop words, not each of its words
                    chain(english, clause.value(), tokens, true).ifPresentOrElse(chains::add,
                            () -> tokens.forEach(t -> terms.add(t.text())));
                    continue;
                }
                Optional<Chain> chain = chain(english, clause.value(), tokens, false);
                if (chain.isEmpty() && tokens.size() == 1) {
                    // "gpt4o" is also "GPT-4o", marked as one
                    Optional<List<Token>> apart = CompoundWords.inTwoParts(clause.value()).map(two ->
                            PaperQueryFactory.analyze(english, PaperFields.ABSTRACT, String.join(" ", two)))
                            .filter(two -> two.size() == 2);
                    apart.ifPresent(two -> chains.add(new Chain(two)));
                }
                if (chain.isPresent()) {
                    chains.add(chain.get());
                    // and the word written as one ("GPT4")
                    addAsOneWord(english, clause.value().replaceAll(PaperAnalyzers.HYPHEN, ""), terms);
                } else {
                    tokens.forEach(t -> terms.add(t.text()));
                }
            }
        }
        return new SnippetTerms(terms, chains);
    }

    /**
     * A word typed in parts, or a phrase, as a snippet marks it, with the stop words typed at its ends ("in-context",
     * "in the wild"); empty for one word, or parts of which only one is not a stop word and no stop word at an end.
     */
    private static Optional<Chain> chain(Analyzer english, String value, List<Token> tokens, boolean phrase) {
        if (tokens.isEmpty() || !phrase && !PaperQueryFactory.IN_PARTS.matcher(value).find()) {
            return Optional.empty();
        }
        List<String> parts = List.of(value.toLowerCase(Locale.ROOT).strip()
                .split(phrase ? PHRASE_GAP : PaperAnalyzers.HYPHEN));
        int first = tokens.get(0).position();
        int last = tokens.get(tokens.size() - 1).position();
        if (last < parts.size() && parts.subList(0, first).stream().allMatch(part -> isStopWord(english, part))
                && parts.subList(last + 1, parts.size()).stream().allMatch(part -> isStopWord(english, part))) {
            List<String> before = parts.subList(0, first);
            List<String> after = parts.subList(last + 1, parts.size());
            if (tokens.size() > 1 || !before.isEmpty() || !after.isEmpty()) {
                return Optional.of(new Chain(tokens, before, after));
            }
        }
        return tokens.size() > 1 ? Optional.of(new Chain(tokens)) : Optional.empty();
    }

    /** The term of a word written as one ("qwen2.5", "gpt4"), when it is one term. */
    private static void addAsOneWord(Analyzer english, String word, Set<String> terms) {
        List<Token> asOne = PaperQueryFactory.analyze(english, PaperFields.ABSTRACT, word);
        if (asOne.size() == 1) {
            terms.add(asOne.get(0).text());
        }
    }

    private static boolean isStopWord(Analyzer english, String part) {
        return !part.isEmpty() && PaperQueryFactory.analyze(english, PaperFields.ABSTRACT, part).isEmpty();
    }
}
