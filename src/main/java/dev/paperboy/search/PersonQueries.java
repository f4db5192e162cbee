package dev.paperboy.search;

import dev.paperboy.search.PaperQueryFactory.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The query of a person named with {@code au:}: the name's words as a phrase of {@link PaperFields#AUTHORS},
 * with a little slop for a middle name, and initials standing for names both ways. A hyphenated given name is
 * one word ({@link PaperAnalyzers#NAME_JOINER}), so "An Wang" never finds "An-Lan Wang"; typed apart ("Ming
 * Hsuan Yang") or as initials ("M. H. Yang", "M.-H. Yang") it still finds "Ming-Hsuan Yang", and typed with
 * the hyphen it finds a paper that lists the name without.
 */
final class PersonQueries {

    /** A middle name or initial may stand between the names of one author; the value gap is far wider. */
    static final int AUTHOR_SLOP = 2;

    private final Analyzer names;

    PersonQueries(Analyzer names) {
        this.names = names;
    }

    /**
     * The person typed. A lone letter ("Y. LeCun") is the letter as a paper lists it or any name word starting
     * with it (the index keeps each name word's marked initial beside it, {@link AnalyzedText#INITIAL_MARK}); a
     * first name typed in full ("Yann LeCun") is also its initial as a paper lists it ("Y. LeCun"), below the
     * papers that list it in full. The last name must be as typed.
     */
    Optional<Query> named(String typed) {
        String name = firstNameFirst(typed);
        List<Token> tokens = PaperQueryFactory.analyze(names, PaperFields.AUTHORS, name);
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        if (tokens.size() == 1 && !isInitial(tokens.get(0).text())) {
            return Optional.of(new TermQuery(new Term(PaperFields.AUTHORS, tokens.get(0).text())));
        }
        BooleanQuery.Builder either = new BooleanQuery.Builder();
        joinedGivenNames(name, tokens).ifPresent(q -> either.add(q, Occur.SHOULD));
        givenNamesApart(tokens).ifPresent(q -> either.add(q, Occur.SHOULD));
        if (tokens.stream().anyMatch(t -> isInitial(t.text()))) {
            either.add(withInitials(tokens), Occur.SHOULD);
            return Optional.of(either.build());
        }
        // the name as typed matches both halves, so it ranks above a paper that lists only the initials and
        // weighs, against the other clauses of the query, what one phrase would
        either.add(new BoostQuery(withInitials(tokens), 0.5f), Occur.SHOULD);
        either.add(new BoostQuery(phrase(tokens.stream().map(Token::text).toList()), 0.5f), Occur.SHOULD);
        return Optional.of(either.build());
    }

    /** Each typed initial is also any name word it starts; each full first name also its initial as listed. */
    private static Query withInitials(List<Token> tokens) {
        MultiPhraseQuery.Builder phrase = new MultiPhraseQuery.Builder().setSlop(AUTHOR_SLOP);
        for (int i = 0; i < tokens.size(); i++) {
            String text = tokens.get(i).text();
            Term word = new Term(PaperFields.AUTHORS, text);
            Term[] either;
            if (isInitial(text)) {
                either = new Term[] {word, new Term(PaperFields.AUTHORS, text + AnalyzedText.INITIAL_MARK)};
            } else if (i < tokens.size() - 1 && Character.isLetter(text.charAt(0))) {
                either = new Term[] {word, new Term(PaperFields.AUTHORS, text.substring(0, 1))};
            } else {
                either = new Term[] {word};
            }
            phrase.add(either, tokens.get(i).position());
        }
        return phrase.build();
    }

    /**
     * The given names typed apart as the one hyphenated name a paper may list: "Ming Hsuan Yang" as
     * "ming_hsuan yang", "M. H. Yang" as the joined name's initials "mh* yang", and a lone hyphenated word
     * ("Ming-Hsuan", "M.-H.") as that given name. Empty when the given names are one word, or initials and words mixed.
     */
    private static Optional<Query> joinedGivenNames(String name, List<Token> tokens) {
        List<String> words = tokens.stream().map(Token::text).toList();
        boolean oneWord = name.strip().codePoints().noneMatch(Character::isWhitespace);
        List<String> given = oneWord ? words : words.subList(0, words.size() - 1);
        if (given.size() < 2) {
            return Optional.empty();
        }
        String joined;
        if (given.stream().allMatch(PersonQueries::isInitial)) {
            joined = String.join("", given) + AnalyzedText.INITIAL_MARK;
        } else if (given.stream().noneMatch(PersonQueries::isInitial)) {
            joined = String.join(String.valueOf(PaperAnalyzers.NAME_JOINER), given);
        } else {
            return Optional.empty();
        }
        return Optional.of(oneWord ? phrase(List.of(joined)) : phrase(List.of(joined, words.get(words.size() - 1))));
    }

    /** A hyphenated given name typed ("Ming-Hsuan Yang") as a paper may list it without the hyphen. */
    private static Optional<Query> givenNamesApart(List<Token> tokens) {
        List<String> apart = namesApart(tokens.stream().map(Token::text).toList());
        return apart.size() > tokens.size() ? Optional.of(phrase(apart)) : Optional.empty();
    }

    /** The name words with each joined given name as its parts ("ming_hsuan yang" as "ming hsuan yang"). */
    static List<String> namesApart(List<String> words) {
        List<String> apart = new ArrayList<>();
        for (String word : words) {
            for (String part : word.split(String.valueOf(PaperAnalyzers.NAME_JOINER))) {
                if (!part.isEmpty()) {
                    apart.add(part);
                }
            }
        }
        return apart;
    }

    private static Query phrase(List<String> words) {
        if (words.size() == 1) {
            return new TermQuery(new Term(PaperFields.AUTHORS, words.get(0)));
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(AUTHOR_SLOP);
        for (int i = 0; i < words.size(); i++) {
            phrase.add(new Term(PaperFields.AUTHORS, words.get(i)), i);
        }
        return phrase.build();
    }

    /** A single letter: what the name analyzer leaves of "Y." or "Y". */
    static boolean isInitial(String word) {
        return word.length() == 1 && Character.isLetter(word.charAt(0));
    }

    /** "Hosain, Md. Tanzib", as library catalogues write names, is "Md. Tanzib Hosain", as papers do. */
    static String firstNameFirst(String name) {
        int comma = name.indexOf(',');
        if (comma < 0 || name.indexOf(',', comma + 1) >= 0) {
            return name;
        }
        return name.substring(comma + 1).strip() + " " + name.substring(0, comma).strip();
    }
}
