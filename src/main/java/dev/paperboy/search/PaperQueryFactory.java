package dev.paperboy.search;

import dev.paperboy.core.ArxivIds;
import dev.paperboy.core.Topics;
import dev.paperboy.search.UserQuery.Clause;
import dev.paperboy.search.UserQuery.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a parsed user query into a Lucene query. Every word must match somewhere: a plain word is one
 * term of the combined field {@link PaperFields#TEXT}, where title, authors, topics, abstract and comment
 * occurrences count with their weights (title most, authors more than abstract); quoted phrases and
 * field clauses search their fields. Words typed next to each other earn a bonus when they stand next
 * to each other in the title, or as one person's name in the authors; a word typed alone, when it is
 * one of an author's names.
 */
final class PaperQueryFactory {

    static final float TITLE_BOOST = 3.0f;
    static final float AUTHORS_BOOST = 2.0f;
    static final float TOPICS_BOOST = 1.5f;
    static final float ABSTRACT_BOOST = 1.0f;
    static final float COMMENT_BOOST = 0.5f;
    static final float ID_BOOST = 10.0f;
    /**
     * A fixed bonus, not a BM25 score: the words are already scored in the title; and a small known bound
     * keeps the bonus from stopping Lucene skipping matches that cannot reach the page.
     */
    static final float TITLE_PHRASE_BONUS = 2.0f;
    static final float AUTHOR_PHRASE_BOOST = 4.0f;
    /**
     * For a lone word that is a name word of an author: about a tenth of a typical match's score, more than the
     * recency factor can add (a tenth at most), less than a title match's lead over an author's.
     */
    static final float AUTHOR_WORD_BONUS = 0.5f;
    /**
     * How much a word's matches in its other fields add to its best field: enough that a word in
     * title and abstract beats one only in the title, not so much that many weak fields beat one strong.
     */
    static final float TIE_BREAKER = 0.3f;

    /** A hyphen between letters or digits: the word is typed in parts. */
    static final Pattern IN_PARTS = Pattern.compile("[\\p{L}\\p{N}]" + PaperAnalyzers.HYPHEN + "[\\p{L}\\p{N}]");
    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:[-/.](\\d{1,2})(?:[-/.](\\d{1,2}))?)?");

    private final Analyzer english;
    private final Analyzer names;
    private final PersonQueries persons;
    private final CompoundWords compounds;

    PaperQueryFactory(Analyzer english, Analyzer names) {
        this.english = english;
        this.names = names;
        this.persons = new PersonQueries(names);
        this.compounds = new CompoundWords(english, names);
    }

    /**
     * A query in two parts: {@code base} decides what matches and scores it, {@code bonuses} only add to
     * the score of matches (words typed together standing together). Kept apart so that the base can be
     * ranked with block-max WAND and the bonuses added to the few matches that may reach the page.
     */
    record PaperQuery(Query base, List<Query> bonuses) {

        PaperQuery {
            bonuses = List.copyOf(bonuses);
        }

        /** Base and bonuses as one Lucene query, scoring exactly as base plus bonuses. */
        Query combined() {
            if (bonuses.isEmpty()) {
                return base;
            }
            BooleanQuery.Builder builder = new BooleanQuery.Builder().add(base, Occur.MUST);
            bonuses.forEach(q -> builder.add(q, Occur.SHOULD));
            return builder.build();
        }
    }

    /** The query, or empty when nothing in it can match a paper (no words, only exclusions). */
    Optional<PaperQuery> build(UserQuery query) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        boolean positive = false;
        List<List<Clause>> groups = query.groups();
        for (int g = 0; g < groups.size(); g++) {
            List<Clause> group = groups.get(g);
            Optional<Query> pair = g + 1 < groups.size() ? nameThenNumber(group, groups.get(g + 1)) : Optional.empty();
            if (pair.isPresent()) {
                builder.add(pair.get(), Occur.MUST);
                positive = true;
                g++;
                continue;
            }
            Optional<Built> built = group(group);
            if (built.isPresent()) {
                builder.add(built.get().query(), built.get().scoring() ? Occur.MUST : Occur.FILTER);
                positive = true;
            }
        }
        if (!positive) {
            return Optional.empty();
        }
        for (Clause excluded : query.exclusions()) {
            clause(excluded).ifPresent(b -> builder.add(b.query(), Occur.MUST_NOT));
        }
        return Optional.of(new PaperQuery(builder.build(), adjacentWordsBonus(query)));
    }

    /**
     * Two words typed that may be one model name ("Qwen 2.5", "Llama 3"): both words, as any two, or the word they
     * make written as one, or apart side by side ({@link CompoundWords#word}: "Qwen2.5", "Qwen-2.5"); after
     * {@code ti:} or {@code abs:} ("ti:Qwen 2.5"), that word in the field.
     */
    private Optional<Query> nameThenNumber(List<Clause> first, List<Clause> second) {
        Optional<String> field = fieldOfNamedNumber(first, second);
        Optional<String> asOne = field.isPresent()
                ? CompoundWords.writtenAsOne(first.get(0).value(), second.get(0).value()) : namedNumber(first, second);
        if (asOne.isEmpty()) {
            return Optional.empty();
        }
        Optional<Built> name = group(first);
        Optional<Built> number = group(second);
        String joined = asOne.get();
        Optional<Query> word = field.isPresent() ? compounds.inField(field.get(), joined) : compounds.word(joined);
        if (name.isEmpty() || number.isEmpty() || word.isEmpty()) {
            return Optional.empty();
        }
        Query both = new BooleanQuery.Builder().add(name.get().query(), Occur.MUST)
                .add(number.get().query(), Occur.MUST).build();
        return Optional.of(new BooleanQuery.Builder().add(both, Occur.SHOULD).add(word.get(), Occur.SHOULD).build());
    }

    /** The word two groups typed make when they are a name and a number, each a plain word alone. */
    static Optional<String> namedNumber(List<Clause> first, List<Clause> second) {
        if (first.size() != 1 || second.size() != 1 || !isPlainWord(first.get(0)) || !isPlainWord(second.get(0))) {
            return Optional.empty();
        }
        return CompoundWords.writtenAsOne(first.get(0).value(), second.get(0).value());
    }

    /**
     * The field of a {@code ti:} or {@code abs:} word followed by a word, plain or of that field, each alone and
     * unquoted ("ti:Qwen 2.5", "ti:(Qwen 2.5)"): the number typed after a field's word is of that word. Empty for
     * any other pair.
     */
    private static Optional<String> fieldOfNamedNumber(List<Clause> first, List<Clause> second) {
        if (first.size() != 1 || second.size() != 1 || first.get(0).quoted() || second.get(0).quoted()
                || second.get(0).kind() != Kind.TEXT && second.get(0).kind() != first.get(0).kind()) {
            return Optional.empty();
        }
        return switch (first.get(0).kind()) {
            case TITLE -> Optional.of(PaperFields.TITLE);
            case ABSTRACT -> Optional.of(PaperFields.ABSTRACT);
            default -> Optional.empty();
        };
    }

    private static boolean isPlainWord(Clause clause) {
        return clause.kind() == Kind.TEXT && !clause.quoted();
    }

    /** The words a snippet of the abstract should mark for this query ({@link SnippetTerms#of}). */
    SnippetTerms highlightTerms(UserQuery query) {
        return SnippetTerms.of(query, english);
    }

    /** A Lucene query and whether it should score (a text match) or only filter (category, date, id). */
    private record Built(Query query, boolean scoring) {
    }

    private Optional<Built> group(List<Clause> alternatives) {
        List<Built> built = new ArrayList<>();
        for (Clause clause : alternatives) {
            clause(clause).ifPresent(built::add);
        }
        if (built.size() <= 1) {
            return built.stream().findFirst();
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        built.forEach(b -> any.add(b.query(), Occur.SHOULD));
        return Optional.of(new Built(any.build(), built.stream().anyMatch(Built::scoring)));
    }

    private Optional<Built> clause(Clause clause) {
        String value = clause.value();
        return switch (clause.kind()) {
            // "foo:bar" with an unknown field is two words; the tokenizer would keep them as one
            case TEXT -> clause.quoted() || ArxivIds.normalise(value).isPresent()
                    ? anyField(value.replace(':', ' '), ArxivIds.normalise(value))
                    : combined(value.replace(':', ' '));
            case TITLE -> inField(PaperFields.TITLE, value);
            case ABSTRACT -> inField(PaperFields.ABSTRACT, value);
            case AUTHOR -> persons.named(value).map(q -> new Built(q, true));
            case TOPIC -> topic(value);
            case CATEGORY -> Optional.of(new Built(category(value), false));
            case ID -> Optional.of(new Built(ArxivIds.normalise(value)
                    .<Query>map(id -> new TermQuery(new Term(PaperFields.ID, id)))
                    .orElseGet(() -> new MatchNoDocsQuery("not an arXiv id")), false));
            case AFTER, BEFORE, DATE -> Optional.of(new Built(dateRange(clause.kind(), value), false));
        };
    }

    /** A {@code ti:} or {@code abs:} value: a word in parts in each form the field holds, else as analysed. */
    private Optional<Built> inField(String field, String value) {
        return compounds.inField(field, value).or(() -> text(english, field, value, 0)).map(q -> new Built(q, true));
    }

    /** A plain word anywhere, in the combined field where each field's matches count with its weight. */
    private Optional<Built> combined(String value) {
        return compounds.word(value).map(q -> new Built(q, true));
    }

    /**
     * A phrase (or an arXiv id typed as a word) anywhere: a sum over the fields, each weighted. A word
     * that the English analyzer drops (a stop word, punctuation) is no clause at all rather than one
     * that demands the word in the authors.
     */
    private Optional<Built> anyField(String value, Optional<String> arxivId) {
        if (analyze(english, PaperFields.TITLE, value).isEmpty()) {
            return Optional.empty();
        }
        List<Query> fields = new ArrayList<>();
        text(english, PaperFields.TITLE, value, 0).ifPresent(q -> fields.add(new BoostQuery(q, TITLE_BOOST)));
        text(names, PaperFields.AUTHORS, value, PersonQueries.AUTHOR_SLOP)
                .ifPresent(q -> fields.add(new BoostQuery(q, AUTHORS_BOOST)));
        text(english, PaperFields.TOPICS, value, 0).ifPresent(q -> fields.add(new BoostQuery(q, TOPICS_BOOST)));
        text(english, PaperFields.ABSTRACT, value, 0)
                .ifPresent(q -> fields.add(new BoostQuery(q, ABSTRACT_BOOST)));
        text(english, PaperFields.COMMENT, value, 0)
                .ifPresent(q -> fields.add(new BoostQuery(q, COMMENT_BOOST)));
        arxivId.ifPresent(id ->
                fields.add(new BoostQuery(new TermQuery(new Term(PaperFields.ID, id)), ID_BOOST)));
        // a sum over the fields rather than a DisjunctionMaxQuery: Lucene can skip through a sum with block-max
        // WAND, which a dis-max with a tie-breaker does not allow
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        fields.forEach(f -> any.add(f, Occur.SHOULD));
        return Optional.of(new Built(any.build(), true));
    }

    private Optional<Built> topic(String value) {
        List<Query> either = new ArrayList<>();
        either.add(new BoostQuery(new TermQuery(new Term(PaperFields.TOPIC_KEYWORD, Topics.normalise(value))), 2f));
        text(english, PaperFields.TOPICS, value, 0).ifPresent(either::add);
        return Optional.of(new Built(new DisjunctionMaxQuery(either, 0f), true));
    }

    /** {@code cat:cs.CV} is one category; {@code cat:cs} is every {@code cs.*} category too. */
    private static Query category(String value) {
        String category = value.strip().toLowerCase(Locale.ROOT);
        Query exact = new TermQuery(new Term(PaperFields.CATEGORY, category));
        if (category.contains(".")) {
            return exact;
        }
        return new BooleanQuery.Builder()
                .add(exact, Occur.SHOULD)
                .add(new PrefixQuery(new Term(PaperFields.CATEGORY, category + ".")), Occur.SHOULD)
                .build();
    }

    /**
     * {@code after:} is on or after the first day of the value, {@code before:} strictly before it,
     * {@code date:} within the year, month or day given. An unreadable date matches nothing.
     */
    static Query dateRange(Kind kind, String value) {
        Optional<LocalDate[]> range = parseDate(value.strip());
        if (range.isEmpty()) {
            return new MatchNoDocsQuery("not a date: " + value);
        }
        long first = range.get()[0].toEpochDay();
        long afterLast = range.get()[1].toEpochDay();
        return switch (kind) {
            case AFTER -> LongPoint.newRangeQuery(PaperFields.DAY, first, Long.MAX_VALUE);
            case BEFORE -> LongPoint.newRangeQuery(PaperFields.DAY, Long.MIN_VALUE, first - 1);
            default -> LongPoint.newRangeQuery(PaperFields.DAY, first, afterLast - 1);
        };
    }

    /** The first day of the year, month or day written, and the day after its end. */
    static Optional<LocalDate[]> parseDate(String value) {
        Matcher m = DATE.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int year = Integer.parseInt(m.group(1));
            if (m.group(2) == null) {
                LocalDate first = LocalDate.of(year, 1, 1);
                return Optional.of(new LocalDate[] {first, first.plusYears(1)});
            }
            int month = Integer.parseInt(m.group(2));
            if (m.group(3) == null) {
                LocalDate first = LocalDate.of(year, month, 1);
                return Optional.of(new LocalDate[] {first, first.plusMonths(1)});
            }
            LocalDate day = LocalDate.of(year, month, Integer.parseInt(m.group(3)));
            return Optional.of(new LocalDate[] {day, day.plusDays(1)});
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Plain words typed one after the other, as a phrase in the title, and as one person's name in the
     * authors. Not as a phrase in the abstract: that bonus tripled the time of topic queries (the
     * phrase is in thousands of abstracts, so Lucene can skip little) for no gain in the benchmark.
     */
    private List<Query> adjacentWordsBonus(UserQuery query) {
        List<String> words = new ArrayList<>();
        for (List<Clause> group : query.groups()) {
            Clause only = group.get(0);
            if (group.size() == 1 && only.kind() == Kind.TEXT && !only.quoted()) {
                words.add(only.value());
            }
        }
        if (words.size() == 1) {
            return nameWordBonus(words.get(0));
        }
        if (words.isEmpty()) {
            return List.of();
        }
        String joined = String.join(" ", words);
        List<Query> bonus = new ArrayList<>();
        List<Token> titleTokens = analyze(english, PaperFields.TITLE, joined);
        if (titleTokens.size() >= 2) {
            bonus.add(new BoostQuery(new ConstantScoreQuery(phrase(PaperFields.TITLE, titleTokens, 0)),
                    TITLE_PHRASE_BONUS));
        }
        // a name typed as plain words ("Yann LeCun") is worth most as one person in the author list
        List<Token> nameTokens = analyze(names, PaperFields.AUTHORS, joined);
        if (nameTokens.size() >= 2 && nameTokens.size() <= 4) {
            bonus.add(new BoostQuery(phrase(PaperFields.AUTHORS, nameTokens, PersonQueries.AUTHOR_SLOP),
                    AUTHOR_PHRASE_BOOST));
        }
        return bonus;
    }

    /**
     * One word typed alone may be a person's name ("king", "hill"): a paper by that person outranks one that only
     * mentions the word, even a newer one, and one by a person whose name merely stems alike (Hills). Not for
     * several words: they already earn the person bonus together, and a bonus for each would cost topic
     * queries the skipping that makes them fast.
     */
    private List<Query> nameWordBonus(String word) {
        List<Token> name = analyze(names, PaperFields.AUTHORS, word);
        if (name.size() != 1) {
            return List.of();
        }
        return List.of(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(PaperFields.AUTHORS,
                name.get(0).text()))), AUTHOR_WORD_BONUS));
    }

    /** One word as a term query; several (a phrase, or a word the analyzer splits) as a phrase query. */
    private static Optional<Query> text(Analyzer analyzer, String field, String value, int slop) {
        List<Token> tokens = analyze(analyzer, field, value);
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        if (tokens.size() == 1) {
            return Optional.of(new TermQuery(new Term(field, tokens.get(0).text())));
        }
        return Optional.of(phrase(field, tokens, slop));
    }

    static Query phrase(String field, List<Token> tokens, int slop) {
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        phrase.setSlop(slop);
        for (Token token : tokens) {
            phrase.add(new Term(field, token.text()), token.position());
        }
        return phrase.build();
    }

    /** A term as the analyzer produced it, with its position (stop words leave gaps). */
    record Token(String text, int position) {
    }

    static List<Token> analyze(Analyzer analyzer, String field, String value) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, value)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(new Token(term.toString(), position));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("could not analyse a string", e);
        }
        return tokens;
    }
}
