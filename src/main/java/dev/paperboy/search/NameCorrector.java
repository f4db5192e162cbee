package dev.paperboy.search;

import dev.paperboy.search.PaperQueryFactory.Token;
import dev.paperboy.search.UserQuery.Clause;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.CompiledAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;

/**
 * Corrects the given name of an {@code au:} person whom no paper lists as typed, to the nearest given name that
 * a paper lists with the same last name: "Yan LeCun" is Yann LeCun and "Kaming He" Kaiming He, though "Yan" and
 * "Kaming" are good names (the word corrector leaves them) and "Kaming" also stands for any "K. He". Failing that,
 * the last name, to the nearest that a paper lists with the same given name: "Kaiming Hee" is Kaiming He and
 * "Sergey Levin" Sergey Levine, though Hee and Levin are names too.
 */
final class NameCorrector {

    /** A first word that is a name, not an initial; and the words after it. */
    private static final Pattern NAME = Pattern.compile("\\s*([\\p{L}\\p{M}]{3,40})(\\s+[^,]+)");
    /** The last word of a name, a name itself, and the words before it. */
    private static final Pattern LAST = Pattern.compile("([^,]+\\s)([\\p{L}\\p{M}]{2,40})\\s*");
    /** Given names looked at per typed one; the names near a short one can be many. */
    private static final int MAX_CANDIDATES = 200;

    private final Analyzer names;
    private final PersonQueries persons;

    NameCorrector(Analyzer names) {
        this.names = names;
        this.persons = new PersonQueries(names);
    }

    /** Whether some paper lists this person with the names as typed, none of them standing for an initial. */
    boolean listed(IndexSearcher searcher, String name) throws IOException {
        return papersListing(searcher, name) > 0;
    }

    /** How many papers list this person with the names as typed. */
    private int papersListing(IndexSearcher searcher, String name) throws IOException {
        Optional<Query> asTyped = persons.asTyped(name);
        return asTyped.isPresent() ? searcher.count(asTyped.get()) : 0;
    }

    /** The typed query with each such given name corrected, or empty when there is none. */
    Optional<String> corrected(IndexSearcher searcher, String typed, UserQuery query) throws IOException {
        StringBuilder text = new StringBuilder(typed);
        boolean any = false;
        List<Clause> clauses = query.positiveClauses();
        for (int i = clauses.size() - 1; i >= 0; i--) {
            Clause clause = clauses.get(i);
            Matcher name = NAME.matcher(clause.value());
            if (clause.kind() != UserQuery.Kind.AUTHOR || !name.matches() || listed(searcher, clause.value())) {
                continue;
            }
            Optional<String> given = nearest(searcher, name.group(1), "", name.group(2));
            if (given.isPresent()) {
                text.replace(clause.start() + name.start(1), clause.start() + name.end(1),
                        SpellingCorrector.matchCase(name.group(1), given.get()));
                any = true;
                continue;
            }
            Matcher last = LAST.matcher(clause.value());
            Optional<String> family = last.matches() ? nearest(searcher, last.group(2), last.group(1), "")
                    : Optional.empty();
            if (family.isPresent()) {
                text.replace(clause.start() + last.start(2), clause.start() + last.end(2),
                        SpellingCorrector.matchCase(last.group(2), family.get()));
                any = true;
            }
        }
        return any ? Optional.of(text.toString()) : Optional.empty();
    }

    private record Candidate(String name, int distance, int papers) {
    }

    /**
     * The listed name word nearest the typed one that some paper has with the rest of the name, {@code before} and
     * {@code after} it; of those as near, the one most papers list so ("Sergey Levin" is Sergey Levine, on 13 papers
     * of the 88k corpus, not Sergey Levi, on 1).
     */
    private Optional<String> nearest(IndexSearcher searcher, String typedWord, String before, String after)
            throws IOException {
        List<Token> tokens = PaperQueryFactory.analyze(names, PaperFields.AUTHORS, typedWord);
        Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), PaperFields.AUTHORS);
        if (tokens.size() != 1 || terms == null) {
            return Optional.empty();
        }
        String word = tokens.get(0).text();
        // the last name narrows the choice so much that one edit is safe even in a short name
        int edits = word.length() < 6 ? 1 : 2;
        int prefix = word.offsetByCodePoints(0, 1);
        CompiledAutomaton within = new CompiledAutomaton(new LevenshteinAutomata(word.substring(prefix), true)
                .toAutomaton(edits, word.substring(0, prefix)), true, false);
        TermsEnum near = terms.intersect(within, null);
        List<Candidate> candidates = new ArrayList<>();
        BytesRef next;
        while ((next = near.next()) != null && candidates.size() < MAX_CANDIDATES) {
            String name = next.utf8ToString();
            if (!name.equals(word) && name.chars().allMatch(Character::isLetter)) {
                candidates.add(new Candidate(name, SpellingCorrector.distance(word, name), near.docFreq()));
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::distance)
                .thenComparing(Comparator.comparingInt(Candidate::papers).reversed()));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int bestPapers = 0;
        for (Candidate candidate : candidates) {
            if (candidate.distance() > bestDistance) {
                break;
            }
            int papers = papersListing(searcher, before + candidate.name() + after);
            if (papers > bestPapers) {
                best = candidate.name();
                bestDistance = candidate.distance();
                bestPapers = papers;
            }
        }
        return Optional.ofNullable(best);
    }
}
