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
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * How a plain word written in parts is searched. A hyphenated word ("gpt-4", "k-means", "Smith-Jones") needs its
 * parts next to each other and in that order in one field, or the word written as one ("gpt4", "kmeans"); a word
 * of letters then digits ("gpt4o", "llama3", "resnet50") also finds it written in two ("GPT-4o", "Llama 3").
 * Stop words are not indexed, so a part that is one ("in-context") is only a gap the other parts leave.
 */
final class CompoundWords {

    private static final Pattern HYPHENATED = Pattern.compile(
            "[\\p{L}\\p{N}]+(?:" + PaperAnalyzers.HYPHEN + "[\\p{L}\\p{N}]+)+");
    /** Two letters or more, then a digit: "gpt4o" is "gpt" and "4o", as "GPT-4o" is indexed. */
    private static final Pattern LETTERS_THEN_DIGITS = Pattern.compile("(\\p{L}{2,})(\\p{N}[\\p{L}\\p{N}]*)");
    private static final Pattern ANY_HYPHEN = Pattern.compile(PaperAnalyzers.HYPHEN);
    /** The fields where a word's parts can stand next to each other; the combined field has no positions. */
    private static final List<String> POSITIONAL = List.of(PaperFields.TITLE, PaperFields.ABSTRACT,
            PaperFields.COMMENT, PaperFields.TOPICS);

    private final Analyzer english;
    private final Analyzer names;

    CompoundWords(Analyzer english, Analyzer names) {
        this.english = english;
        this.names = names;
    }

    /** The query for a plain word, scored in {@link PaperFields#TEXT}; empty when it has no word to search. */
    Optional<Query> word(String value) {
        List<Token> tokens = PaperQueryFactory.analyze(english, PaperFields.TEXT, value);
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        boolean hyphenated = HYPHENATED.matcher(value).matches();
        List<Query> ways = new ArrayList<>();
        // a word split otherwise ("input/output", "foo:bar") needs its parts anywhere
        ways.add(tokens.size() == 1 ? text(tokens.get(0)) : allOf(tokens, hyphenated ? together(value, tokens) : null));
        if (hyphenated) {
            List<Token> joined = PaperQueryFactory.analyze(english, PaperFields.TEXT,
                    ANY_HYPHEN.matcher(value).replaceAll(""));
            if (joined.size() == 1 && !joined.equals(tokens)) {
                ways.add(text(joined.get(0)));
            }
        } else if (tokens.size() == 1) {
            Matcher split = LETTERS_THEN_DIGITS.matcher(value.toLowerCase(Locale.ROOT));
            if (split.matches()) {
                String parts = split.group(1) + " " + split.group(2);
                List<Token> apart = PaperQueryFactory.analyze(english, PaperFields.TEXT, parts);
                if (apart.size() == 2) {
                    ways.add(allOf(apart, together(parts, apart)));
                }
            }
        }
        if (ways.size() == 1) {
            return Optional.of(ways.get(0));
        }
        // the best way a paper has it counts, not their sum: "GPT-4 … GPT4" is not twice a GPT-4 paper
        return Optional.of(new DisjunctionMaxQuery(ways, 0f));
    }

    private static Query text(Token token) {
        return new TermQuery(new Term(PaperFields.TEXT, token.text()));
    }

    /** Every part, scored in the combined field, and where {@code filter} says (null: anywhere). */
    private static Query allOf(List<Token> tokens, Query filter) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        tokens.stream().map(Token::text).distinct().forEach(t -> all.add(
                new TermQuery(new Term(PaperFields.TEXT, t)), Occur.MUST));
        if (filter != null) {
            all.add(filter, Occur.FILTER);
        }
        return all.build();
    }

    /**
     * The papers where the parts stand in this order in one field: the title, abstract, comment or topics, or
     * one author's name ("Smith-Jones", or "Jean-Pierre" as a given name).
     */
    private Query together(String value, List<Token> tokens) {
        BooleanQuery.Builder together = new BooleanQuery.Builder();
        for (String field : POSITIONAL) {
            together.add(PaperQueryFactory.phrase(field, tokens, 0), Occur.SHOULD);
        }
        List<Token> name = PaperQueryFactory.analyze(names, PaperFields.AUTHORS, value);
        if (name.size() > 1) {
            together.add(PaperQueryFactory.phrase(PaperFields.AUTHORS, name, 0), Occur.SHOULD);
        }
        List<Token> givenName = PaperQueryFactory.analyze(names, PaperFields.AUTHORS,
                PaperAnalyzers.asGivenName(value));
        if (givenName.size() == 1) {
            together.add(new TermQuery(new Term(PaperFields.AUTHORS, givenName.get(0).text())), Occur.SHOULD);
        }
        return together.build();
    }
}
