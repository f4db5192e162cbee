package dev.paperboy.search;

import dev.paperboy.search.PaperQueryFactory.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MultiPhraseQuery;
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

    /**
     * What naming the person adds to a paper's score: about what a good word match adds, so that among the
     * person's papers the other words of the query decide, and a paper that lists only the initials (perhaps of
     * someone else) ranks below one that lists the name as typed unless its words match clearly better.
     */
    static final float NAME_SCORE = 4f;

    /** What a comma may stand before in a name as a paper lists it: "Jr.", "Sr.", "III". */
    private static final Pattern SUFFIX = Pattern.compile("(?i)\\s*(?:jr|sr|ii|iii|iv)\\.?\\s*");

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
        String name = firstNameFirst(typed).strip();
        List<Token> tokens = initialsApart(PaperQueryFactory.analyze(names, PaperFields.AUTHORS, name));
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        if (tokens.size() == 1 && !isInitial(tokens.get(0).text())) {
            return Optional.of(scored(new TermQuery(new Term(PaperFields.AUTHORS, tokens.get(0).text())), 1f));
        }
        BooleanQuery.Builder either = new BooleanQuery.Builder();
        // other ways to write the name, below the name as typed
        joinedGivenNames(name, tokens).ifPresent(q -> either.add(scored(q, 0.75f), Occur.SHOULD));
        givenNamesApart(tokens).ifPresent(q -> either.add(scored(q, 0.5f), Occur.SHOULD));
        if (tokens.stream().anyMatch(t -> isInitial(t.text()))) {
            either.add(scored(withInitials(tokens), 1f), Occur.SHOULD);
            return Optional.of(either.build());
        }
        // the name as typed matches both halves, so it ranks above a paper that lists only the initials
        either.add(scored(withInitials(tokens), 0.5f), Occur.SHOULD);
        either.add(scored(phrase(tokens.stream().map(Token::text).toList()), 0.5f), Occur.SHOULD);
        return Optional.of(either.build());
    }

    /**
     * A way of matching the person, worth {@code share} of {@link #NAME_SCORE} whatever the paper: a middle initial
     * between the names, or thirty other authors, do not make a paper less the person's.
     */
    private static Query scored(Query way, float share) {
        return new BoostQuery(new ConstantScoreQuery(way), share * NAME_SCORE);
    }

    /**
     * The person with the names as typed, none standing for another: no initial for a name typed in full, no
     * name for an initial typed (a middle name may still stand between). Empty when no name is typed.
     */
    Optional<Query> asTyped(String typed) {
        List<Token> tokens = initialsApart(PaperQueryFactory.analyze(names, PaperFields.AUTHORS,
                firstNameFirst(typed).strip()));
        return tokens.isEmpty() ? Optional.empty() : Optional.of(phrase(tokens.stream().map(Token::text).toList()));
    }

    /** Initials typed with a hyphen and no dots ("M-H Yang", read as "m_h yang") as initials typed apart. */
    private static List<Token> initialsApart(List<Token> tokens) {
        List<Token> apart = new ArrayList<>();
        for (Token token : tokens) {
            List<String> parts = namesApart(List.of(token.text()));
            if (parts.size() > 1 && parts.stream().allMatch(PersonQueries::isInitial)) {
                parts.forEach(part -> apart.add(new Token(part, token.position())));
            } else {
                apart.add(token);
            }
        }
        return apart;
    }

    /**
     * Each typed initial is also any name word it starts; each full first name also its initial as listed (a
     * hyphenated one its initials, {@link #givenNamesApart}: "Hong-Tao" is "H. T." or "H.-T.", not "H.").
     */
    private static Query withInitials(List<Token> tokens) {
        List<Term[]> positions = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String text = tokens.get(i).text();
            Term word = new Term(PaperFields.AUTHORS, text);
            if (isInitial(text)) {
                positions.add(new Term[] {word, new Term(PaperFields.AUTHORS, text + AnalyzedText.INITIAL_MARK)});
            } else if (i < tokens.size() - 1 && Character.isLetter(text.charAt(0))
                    && text.indexOf(PaperAnalyzers.NAME_JOINER) < 0) {
                positions.add(new Term[] {word, new Term(PaperFields.AUTHORS, text.substring(0, 1))});
            } else {
                positions.add(new Term[] {word});
            }
        }
        return inOrder(positions);
    }

    /**
     * A phrase of the author field with room for a middle name or two, its words in the order typed: the slop
     * alone would let two neighbours swap ("M. H. Yang" would be "Ming Yang Ho"). The phrase scores; the ordered
     * intervals only filter.
     */
    private static Query inOrder(List<Term[]> positions) {
        if (positions.size() == 1 && positions.get(0).length == 1) {
            return new TermQuery(positions.get(0)[0]);
        }
        MultiPhraseQuery.Builder phrase = new MultiPhraseQuery.Builder().setSlop(AUTHOR_SLOP);
        IntervalsSource[] ordered = new IntervalsSource[positions.size()];
        for (int i = 0; i < positions.size(); i++) {
            Term[] either = positions.get(i);
            phrase.add(either, i);
            IntervalsSource[] terms = new IntervalsSource[either.length];
            for (int j = 0; j < either.length; j++) {
                terms[j] = Intervals.term(either[j].bytes());
            }
            ordered[i] = terms.length == 1 ? terms[0] : Intervals.or(terms);
        }
        IntervalsSource inOrder = Intervals.maxgaps(AUTHOR_SLOP, Intervals.ordered(ordered));
        return new BooleanQuery.Builder()
                .add(phrase.build(), Occur.MUST)
                .add(new IntervalQuery(PaperFields.AUTHORS, inOrder), Occur.FILTER)
                .build();
    }

    /**
     * The given names typed apart as the one hyphenated name a paper may list: "Ming Hsuan Yang" as
     * "ming_hsuan yang", "M. H. Yang" as the joined name's initials "mh* yang", and a lone hyphenated word
     * ("Ming-Hsuan", "M.-H.") as that given name; given names and initials mixed ("Ming H. Yang") as the joined
     * name's initials, "mh* yang", below the rest. Empty when the given names are one word.
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
            String initials = given.stream().map(w -> w.substring(0, 1)).reduce("", String::concat);
            Query query = phrase(oneWord ? List.of(initials + AnalyzedText.INITIAL_MARK)
                    : List.of(initials + AnalyzedText.INITIAL_MARK, words.get(words.size() - 1)));
            return Optional.of(new BoostQuery(query, 0.5f));
        }
        return Optional.of(oneWord ? phrase(List.of(joined)) : phrase(List.of(joined, words.get(words.size() - 1))));
    }

    /**
     * A hyphenated given name typed ("Ming-Hsuan Yang") as a paper may list it without the hyphen, or as its
     * initials as listed ("M. H. Yang", "M.-H. Yang", and "M-H Yang", which the index reads as "m_h yang").
     */
    private static Optional<Query> givenNamesApart(List<Token> tokens) {
        List<String> words = tokens.stream().map(Token::text).toList();
        List<String> apart = namesApart(words);
        if (apart.size() == words.size()) {
            return Optional.empty();
        }
        List<String> initials = new ArrayList<>();
        List<String> joinedInitials = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            boolean given = i < words.size() - 1 && word.indexOf(PaperAnalyzers.NAME_JOINER) >= 0;
            List<String> parts = given ? namesApart(List.of(word)) : List.of(word);
            for (String part : parts) {
                initials.add(given ? part.substring(0, 1) : part);
            }
            joinedInitials.add(given ? parts.stream().map(part -> part.substring(0, 1))
                    .collect(Collectors.joining(String.valueOf(PaperAnalyzers.NAME_JOINER))) : word);
        }
        return Optional.of(new BooleanQuery.Builder()
                .add(phrase(apart), Occur.SHOULD)
                .add(phrase(initials), Occur.SHOULD)
                .add(phrase(joinedInitials), Occur.SHOULD).build());
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
        return inOrder(words.stream().map(w -> new Term[] {new Term(PaperFields.AUTHORS, w)}).toList());
    }

    /** A single letter: what the name analyzer leaves of "Y." or "Y". */
    static boolean isInitial(String word) {
        return word.length() == 1 && Character.isLetter(word.charAt(0));
    }

    /**
     * "Hosain, Md. Tanzib", as library catalogues write names, is "Md. Tanzib Hosain", as papers do; but
     * "Russell E. Ryan, Jr." is a name with its suffix, as papers write it.
     */
    static String firstNameFirst(String name) {
        int comma = name.indexOf(',');
        if (comma < 0 || name.indexOf(',', comma + 1) >= 0 || SUFFIX.matcher(name.substring(comma + 1)).matches()) {
            return name;
        }
        return name.substring(comma + 1).strip() + " " + name.substring(0, comma).strip();
    }
}
