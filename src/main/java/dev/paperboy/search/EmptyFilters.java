package dev.paperboy.search;

import dev.paperboy.core.ArxivIds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Why a search found nothing, when a filter is the likelier reason than its words: an id, category, topic or date
 * that no paper here has, or dates that find papers each but none together; said with what would find some.
 */
final class EmptyFilters {

    /** Categories a reply offers for one that no paper has ("cat:hep": hep-ex, hep-lat, hep-ph, hep-th). */
    private static final int MAX_CATEGORIES_OFFERED = 6;

    private final PaperQueryFactory queries;

    EmptyFilters(PaperQueryFactory queries) {
        this.queries = queries;
    }

    /**
     * For a search that found nothing: each {@code cat:}, {@code topic:}, id and date that no paper has, which is
     * the likelier reason (a category mistyped, a topic this library does not have, a day past its newest paper),
     * with what such values look like or which days the library holds.
     */
    List<String> reasons(IndexGeneration generation, UserQuery query) throws IOException {
        List<String> unknown = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (UserQuery.Clause clause : query.positiveClauses()) {
            Optional<String> id = clause.kind() == UserQuery.Kind.ID || clause.kind() == UserQuery.Kind.TEXT
                    && !clause.quoted() ? ArxivIds.normalise(clause.value()) : Optional.empty();
            boolean named = clause.kind() == UserQuery.Kind.CATEGORY || clause.kind() == UserQuery.Kind.TOPIC;
            if (id.isEmpty() && !named && !clause.kind().isDate() || matchesSome(generation, clause)) {
                continue;
            }
            if (id.isPresent()) {
                ids.add(id.get());
            } else if (clause.kind().isDate()) {
                unknown.add(DayRange.of(generation.reader()).whyNone(generation.searcher(), clause));
            } else {
                unknown.add(clause.kind() == UserQuery.Kind.CATEGORY
                        ? "No paper is in the category " + FieldProblems.quoted(clause.value()) + ": "
                        + categoriesLike(generation, clause.value())
                        : "No paper is in a topic " + FieldProblems.quoted(clause.value()) + (hasTopics(generation)
                        ? ": /topics lists them." : ": the papers here have no topics yet."));
            }
        }
        if (!ids.isEmpty()) {
            unknown.add(0, notFound(ids));
        }
        List<UserQuery.Clause> dates = query.positiveClauses().stream().filter(c -> c.kind().isDate()).toList();
        if (dates.size() > 1 && unknown.isEmpty() && !matchesAll(generation, dates)) {
            // each finds papers, but not together: "after:2024-01 before:2025-03" within a gap of the papers
            unknown.add(DayRange.whyNoneTogether(generation.searcher(), dates));
        }
        return unknown;
    }

    /**
     * The categories of the papers here that a category typed may have meant, as a reply offers them: those it
     * starts ("hep" for hep-th and hep-ph) or ends ("CV" for cs.CV), else how arXiv writes them.
     */
    private static String categoriesLike(IndexGeneration generation, String typed) throws IOException {
        String part = typed.strip().toLowerCase(Locale.ROOT);
        List<String> like = new ArrayList<>();
        Terms terms = MultiTerms.getTerms(generation.reader(), PaperFields.CATEGORY);
        if (terms != null && !part.isEmpty()) {
            TermsEnum each = terms.iterator();
            BytesRef term;
            while ((term = each.next()) != null && like.size() < MAX_CATEGORIES_OFFERED) {
                String category = term.utf8ToString();
                if (category.startsWith(part + "-") || category.endsWith("." + part)) {
                    like.add("cat:" + shownCategory(category));
                }
            }
        }
        return like.isEmpty() ? "arXiv writes them like cs.CV or math.GT, and cat:cs is all of cs."
                : "did you mean " + String.join(", ", like) + "?";
    }

    /** A category as arXiv writes it: "cs.CV", "astro-ph.GA", but "cond-mat.mes-hall" and "hep-th". */
    private static String shownCategory(String indexed) {
        int dot = indexed.indexOf('.');
        return dot < 0 || indexed.length() - dot - 1 != 2 ? indexed
                : indexed.substring(0, dot + 1) + indexed.substring(dot + 1).toUpperCase(Locale.ROOT);
    }

    private static boolean hasTopics(IndexGeneration generation) throws IOException {
        return MultiTerms.getTerms(generation.reader(), PaperFields.TOPIC_KEYWORD) != null;
    }

    private boolean matchesAll(IndexGeneration generation, List<UserQuery.Clause> clauses) throws IOException {
        Optional<PaperQueryFactory.PaperQuery> together = queries.build(
                new UserQuery(clauses.stream().map(List::of).toList(), List.of(), false, List.of()));
        return together.isEmpty() || generation.searcher().count(together.get().base()) > 0;
    }

    private boolean matchesSome(IndexGeneration generation, UserQuery.Clause clause) throws IOException {
        return matchesAll(generation, List.of(clause));
    }

    /** The ids a search asked for that no paper here has, as a reply says it. */
    static String notFound(Set<String> ids) {
        return "Not found: " + String.join(", ", ids) + " (check " + (ids.size() == 1 ? "the id" : "the ids")
                + "; only the papers here are searched).";
    }
}
