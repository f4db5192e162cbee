package dev.paperboy.search;

import dev.paperboy.core.ArxivIds;
import dev.paperboy.core.LibraryPaper;
import dev.paperboy.core.SearchHit;
import dev.paperboy.core.SearchPage;
import dev.paperboy.core.SearchRequest;
import dev.paperboy.core.render.PlainText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;

/**
 * Answers one search request on one {@link IndexGeneration}: parses what the user typed, ranks the
 * matches, makes the page's snippets, and, when nothing matches, tries corrected spellings of the query.
 */
final class PaperSearcher {

    /**
     * Matches counted exactly; past this the total is "at least", which is what lets Lucene skip
     * documents that cannot reach the page (block-max WAND) instead of scoring every match.
     */
    static final int TOTAL_HITS_THRESHOLD = 1000;
    /** Corrected versions of a query tried, per pass, before giving up. */
    private static final int MAX_CORRECTED_QUERIES = 8;
    /**
     * A query that finds at most this many papers may owe it to a typo that a few papers share, and gets a
     * suggestion that finds {@value #SUGGESTION_FINDS_MORE} times as many; a query that finds more is left alone
     * (and costs no fuzzy search).
     */
    static final int SUGGEST_UP_TO = 20;
    static final int SUGGESTION_FINDS_MORE = 20;
    private static final Sort BY_DATE = new Sort(LuceneSearchIndex.NEWEST, SortField.FIELD_SCORE,
            new SortField(PaperFields.KEY, SortField.Type.STRING));

    private final PaperQueryFactory queries = new PaperQueryFactory(PaperAnalyzers.english(), PaperAnalyzers.names());
    private final SnippetMaker snippets = new SnippetMaker(PaperAnalyzers.english());
    private final SpellingCorrector corrector = new SpellingCorrector(PaperAnalyzers.english(), PaperAnalyzers.names());
    private final Analyzer nameAnalyzer = PaperAnalyzers.names();
    private final NameCorrector names = new NameCorrector(nameAnalyzer);
    private final EmptyFilters emptyFilters = new EmptyFilters(queries);

    /** One page of results for {@code request}, corrected when the query as typed finds nothing. */
    SearchPage page(IndexGeneration generation, SearchRequest request) throws IOException {
        String typed = request.query();
        UserQuery query = UserQueryParser.parse(typed);
        Result result = run(generation, query, request);
        Set<String> tried = new HashSet<>();
        tried.add(typed);
        if (result.searchable()) {
            // a person no paper lists as typed, but one a letter away: even when the initial found some ("K. He")
            Optional<String> renamed = names.corrected(generation.searcher(), typed, query);
            if (renamed.isPresent()) {
                Optional<SearchPage> page = corrected(generation, request, query, renamed.get(), tried);
                if (page.isPresent()) {
                    return page.get();
                }
            }
        }
        if (result.total() == 0 && result.searchable()) {
            for (boolean rareToo : new boolean[] {false, true}) {
                for (String corrected : corrector.corrections(generation.reader(), typed, query, rareToo,
                        MAX_CORRECTED_QUERIES)) {
                    Optional<SearchPage> page = corrected(generation, request, query, corrected, tried);
                    if (page.isPresent()) {
                        return sharpened(generation, request, query, page.get(), tried);
                    }
                }
            }
            Optional<String> swapped = namesSwapped(generation, typed, query);
            if (swapped.isPresent()) {
                Optional<SearchPage> page = corrected(generation, request, query, swapped.get(), tried);
                if (page.isPresent()) {
                    return page.get();
                }
            }
        }
        List<String> problems = new ArrayList<>(query.problems());
        missingIds(query, result, request).ifPresent(problems::add);
        if (result.total() > 0 && result.total() <= SUGGEST_UP_TO && result.searchable()) {
            suggestion(generation, typed, query, result.total()).ifPresent(problems::add);
        }
        if (result.total() > 0) {
            otherWayRound(generation, typed, query, result.total()).ifPresent(problems::add);
        }
        if (result.total() == 0 && result.searchable() && problems.isEmpty()) {
            problems.addAll(emptyFilters.reasons(generation, query));
        }
        if (!result.searchable() && problems.isEmpty()) {
            problems = List.of(query.positiveClauses().stream().noneMatch(PaperSearcher::hasLetterOrDigit)
                    ? "There is nothing to search for: type words, a \"phrase\" or a field such as au:lecun."
                    : "Only words too common to search for (such as the, of, will): add a word that says what the"
                    + " papers are about.");
        }
        return new SearchPage(typed, null, result.hits(), result.total(), request.page(), request.pageSize(),
                result.lowerBound(), problems);
    }

    /**
     * A corrected page that found a few papers, or the page of its {@link SpellingCorrector#suggestion} when that
     * finds {@value #SUGGESTION_FINDS_MORE} times as many: "difusion modle" corrected to "diffusion modle" finds the
     * one paper with that typo, and "diffusion model" what was meant.
     */
    private SearchPage sharpened(IndexGeneration generation, SearchRequest request, UserQuery typed, SearchPage page,
            Set<String> tried) throws IOException {
        if (page.total() > SUGGEST_UP_TO) {
            return page;
        }
        String corrected = page.correctedQuery();
        Optional<String> suggested = corrector.suggestion(generation.reader(), corrected,
                UserQueryParser.parse(corrected));
        if (suggested.isEmpty()) {
            return page;
        }
        Optional<SearchPage> better = corrected(generation, request, typed, suggested.get(), tried);
        return better.filter(b -> b.total() >= page.total() * SUGGESTION_FINDS_MORE).orElse(page);
    }

    /** The page of a corrected query not tried before, when it finds something. */
    private Optional<SearchPage> corrected(IndexGeneration generation, SearchRequest request, UserQuery typed,
            String corrected, Set<String> tried) throws IOException {
        if (!tried.add(corrected)) {
            return Optional.empty();
        }
        Result retried = run(generation, UserQueryParser.parse(corrected), request);
        return retried.total() == 0 ? Optional.empty() : Optional.of(new SearchPage(request.query(), corrected,
                retried.hits(), retried.total(), request.page(), request.pageSize(), retried.lowerBound(),
                typed.problems()));
    }

    /**
     * The query with each {@code au:} name of two words and no comma in the other order ("LeCun Yann" as "Yann
     * LeCun"): a last name typed first without the catalogue's comma. Empty when there is none, or when a paper
     * lists no such name with the old last name in full: "LeCun Yan" is not L. Yan.
     */
    private Optional<String> namesSwapped(IndexGeneration generation, String typed, UserQuery query)
            throws IOException {
        StringBuilder swapped = new StringBuilder(typed);
        boolean any = false;
        List<UserQuery.Clause> clauses = query.positiveClauses();
        for (int i = clauses.size() - 1; i >= 0; i--) {
            UserQuery.Clause clause = clauses.get(i);
            String[] words = clause.value().strip().split("\\s+");
            if (clause.kind() == UserQuery.Kind.AUTHOR && words.length == 2 && clause.value().indexOf(',') < 0) {
                String other = words[1] + " " + words[0];
                if (!PersonQueries.isInitial(words[1].replace(".", "").toLowerCase(Locale.ROOT))
                        && !names.listed(generation.searcher(), other)) {
                    return Optional.empty();
                }
                swapped.replace(clause.start(), clause.end(), other);
                any = true;
            }
        }
        return any ? Optional.of(swapped.toString()) : Optional.empty();
    }

    /**
     * For an {@code au:} name of two words that finds papers: the query with the name the other way round when that
     * finds twice as many or more ("Fei-Fei Li" is on 1 paper of the 88k corpus, "Li Fei-Fei" on 16; "Wang Wei" on
     * 1, "Wei Wang" on 192), as a note: which is the given name is not always plain.
     */
    private Optional<String> otherWayRound(IndexGeneration generation, String typed, UserQuery query, long found)
            throws IOException {
        List<UserQuery.Clause> named = query.positiveClauses().stream()
                .filter(c -> c.kind() == UserQuery.Kind.AUTHOR).toList();
        if (named.size() != 1 || !isTwoFullNames(named.get(0).value())) {
            return Optional.empty();
        }
        Optional<String> swapped = namesSwapped(generation, typed, query);
        if (swapped.isEmpty()) {
            return Optional.empty();
        }
        long more = count(generation, swapped.get());
        // twice as many at least: "Zheng Wen" (3) and "Wen Zheng" (4) are two people
        return more < 2 * found ? Optional.empty() : Optional.of("The name the other way round finds "
                + PlainText.count(more, "paper") + ": " + swapped.get());
    }

    private static boolean isTwoFullNames(String name) {
        String[] words = name.strip().split("\\s+");
        return words.length == 2 && name.indexOf(',') < 0 && Arrays.stream(words)
                .allMatch(w -> !PersonQueries.isInitial(w.replace(".", "").toLowerCase(Locale.ROOT)));
    }

    private static boolean hasLetterOrDigit(UserQuery.Clause clause) {
        return clause.value().codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /**
     * For ids pasted together, of which some were found: the ones that were not, so that a list does not
     * silently come back shorter. Only when every hit is on this page.
     */
    private static Optional<String> missingIds(UserQuery query, Result result, SearchRequest request) {
        if (query.groups().size() != 1 || !query.exclusions().isEmpty() || query.groups().get(0).size() < 2
                || result.total() == 0 || request.page() != 1 || result.total() > request.pageSize()) {
            return Optional.empty();
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (UserQuery.Clause clause : query.groups().get(0)) {
            boolean id = clause.kind() == UserQuery.Kind.ID || clause.kind() == UserQuery.Kind.TEXT && !clause.quoted();
            Optional<String> normalised = id ? ArxivIds.normalise(clause.value()) : Optional.empty();
            if (normalised.isEmpty()) {
                return Optional.empty();
            }
            wanted.add(normalised.get());
        }
        result.hits().forEach(hit -> wanted.remove(hit.paper().paper().arxivId()));
        return wanted.isEmpty() ? Optional.empty() : Optional.of(EmptyFilters.notFound(wanted));
    }

    /**
     * "Did you mean …" for a query that found a few papers because a word of it is a typo that a few papers share
     * ("langauge model"), when the suggested query finds {@value #SUGGESTION_FINDS_MORE} times as many.
     */
    private Optional<String> suggestion(IndexGeneration generation, String typed, UserQuery query, long found)
            throws IOException {
        Optional<String> suggested = corrector.suggestion(generation.reader(), typed, query);
        if (suggested.isEmpty()) {
            return Optional.empty();
        }
        long more = count(generation, suggested.get());
        return more < found * SUGGESTION_FINDS_MORE ? Optional.empty() : Optional.of("Did you mean “"
                + suggested.get() + "”? It finds " + PlainText.count(more, "paper") + ".");
    }

    /** How many papers the typed query matches, counted to the end (a page stops at the threshold). */
    long count(IndexGeneration generation, String typed) throws IOException {
        Optional<PaperQueryFactory.PaperQuery> built = queries.build(UserQueryParser.parse(typed));
        return built.isEmpty() ? 0 : generation.searcher().count(built.get().combined());
    }

    private record Result(List<SearchHit> hits, long total, boolean lowerBound, boolean searchable) {
    }

    /** A matching document with its score after the recency factor. */
    private record Ranked(int doc, float score) {
    }

    private record Ranking(List<Ranked> docs, TotalHits total) {
    }

    private Result run(IndexGeneration generation, UserQuery query, SearchRequest request) throws IOException {
        Optional<PaperQueryFactory.PaperQuery> built = queries.build(query);
        if (built.isEmpty()) {
            return new Result(List.of(), 0, false, false);
        }
        long skip = (long) (request.page() - 1) * request.pageSize();
        if (skip >= generation.reader().maxDoc()) {
            // a page past any possible end: count, but do not sort every match to show none
            return new Result(List.of(), generation.searcher().count(built.get().combined()), false, true);
        }
        long pageEnd = skip + request.pageSize();
        // one match past the page: when counting stops early, a next page is then known to exist, and a page that
        // ends exactly at the last match keeps the queue from filling, so its count stays exact
        int wanted = (int) Math.min(pageEnd, generation.reader().maxDoc()) + 1;
        Ranking ranking = query.sortByDate() ? byDate(generation, built.get().combined(), wanted)
                : byRelevance(generation, built.get(), wanted);
        List<SearchHit> hits = new ArrayList<>();
        if (skip < ranking.docs().size()) {
            SnippetTerms terms = queries.highlightTerms(query);
            List<Ranked> page = ranking.docs().subList((int) skip, (int) Math.min(pageEnd, ranking.docs().size()));
            LibraryPaper[] papers = generation.papers(page.stream().mapToInt(Ranked::doc).toArray());
            List<List<String>> namedAuthors = namedAuthors(query);
            for (int i = 0; i < papers.length; i++) {
                if (papers[i] != null) {
                    hits.add(new SearchHit(papers[i], page.get(i).score(),
                            snippets.snippet(papers[i].paper().abstractText(), terms),
                            matchedAuthors(papers[i].paper().authors(), namedAuthors)));
                }
            }
        }
        TotalHits total = ranking.total();
        boolean lowerBound = total.relation == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO;
        // how far counting got depends on the page asked for: "at least" the threshold is the same on every page
        // within it, and past it at least as many as the pages up to this one show
        long atLeast = Math.max(TOTAL_HITS_THRESHOLD, Math.min(pageEnd, ranking.docs().size()));
        return new Result(hits, lowerBound ? atLeast : total.value, lowerBound, true);
    }

    /**
     * The name words of each author the query names with {@code au:}, in the order typed, last name last; a
     * hyphenated given name as its parts, as {@link #words} has them.
     */
    private List<List<String>> namedAuthors(UserQuery query) {
        List<List<String>> named = new ArrayList<>();
        for (UserQuery.Clause clause : query.positiveClauses()) {
            if (clause.kind() == UserQuery.Kind.AUTHOR) {
                String name = PersonQueries.firstNameFirst(clause.value());
                List<String> words = PersonQueries.namesApart(PaperQueryFactory.analyze(nameAnalyzer,
                        PaperFields.AUTHORS, name).stream().map(PaperQueryFactory.Token::text).toList());
                if (!words.isEmpty()) {
                    named.add(words);
                }
            }
        }
        return named;
    }

    /** The paper's authors that have every name word of one named author, initials standing for names. */
    private List<String> matchedAuthors(List<String> authors, List<List<String>> named) {
        if (named.isEmpty()) {
            return List.of();
        }
        List<String> matched = new ArrayList<>();
        for (String author : authors) {
            List<String> tokens = PaperQueryFactory.analyze(nameAnalyzer, PaperFields.AUTHORS, author).stream()
                    .map(PaperQueryFactory.Token::text).toList();
            Set<String> words = new HashSet<>(PersonQueries.namesApart(tokens));
            if (named.stream().anyMatch(n -> hasEvery(words, n) && !namesHalfAGivenName(tokens, n))) {
                matched.add(author);
            }
        }
        return matched;
    }

    /**
     * Whether the named words hold one part of a hyphenated given name in full but not the other ("Ming" of
     * "Ming-Hsuan"): that is another person, as the search has it. Initials may stand for the whole ("M. Yang").
     */
    private static boolean namesHalfAGivenName(List<String> authorTokens, List<String> namedWords) {
        for (String token : authorTokens) {
            List<String> parts = PersonQueries.namesApart(List.of(token));
            boolean allNamed = parts.stream()
                    .allMatch(p -> namedWords.contains(p) || namedWords.contains(p.substring(0, 1)));
            if (parts.size() > 1 && parts.stream().anyMatch(namedWords::contains) && !allNamed) {
                return true;
            }
        }
        return false;
    }

    /**
     * An initial typed stands for a word it starts; a first name typed in full, for its initial as listed ("Y."
     * for "Yann"). The last name must be there as typed, as the query asks.
     */
    private static boolean hasEvery(Set<String> authorWords, List<String> namedWords) {
        for (int i = 0; i < namedWords.size(); i++) {
            String named = namedWords.get(i);
            boolean firstName = i < namedWords.size() - 1;
            boolean has = authorWords.contains(named)
                    || PersonQueries.isInitial(named) && authorWords.stream().anyMatch(w -> w.startsWith(named))
                    || firstName && authorWords.contains(named.substring(0, 1));
            if (!has) {
                return false;
            }
        }
        return true;
    }

    /**
     * The best {@code wanted} matches by (BM25 score + bonuses) times {@link RecencyBoost}, in one pass of
     * {@link RankingCollector}: Lucene skips what cannot reach the page (block-max WAND) on the base query,
     * and the bonuses and the recency factor are worked out only for matches that still could. The result
     * is the same as scoring every match with all of it.
     */
    private Ranking byRelevance(IndexGeneration generation, PaperQueryFactory.PaperQuery query, int wanted)
            throws IOException {
        IndexSearcher searcher = generation.searcher();
        List<Weight> bonuses = new ArrayList<>();
        for (Query bonus : query.bonuses()) {
            bonuses.add(searcher.createWeight(searcher.rewrite(bonus), ScoreMode.TOP_SCORES, 1f));
        }
        RankingCollector collector = new RankingCollector(wanted, generation.newestDay(), bonuses,
                TOTAL_HITS_THRESHOLD);
        searcher.search(query.base(), collector.manager());
        List<Ranked> ranked = new ArrayList<>();
        for (RankingCollector.Hit hit : collector.hits()) {
            ranked.add(new Ranked(hit.doc(), hit.score()));
        }
        return new Ranking(ranked, collector.totalHits());
    }

    /** Newest first, then by score; the index is sorted by date, so Lucene stops once the page is full. */
    private Ranking byDate(IndexGeneration generation, Query query, int wanted) throws IOException {
        TopFieldDocs top = generation.searcher().search(query,
                new TopFieldCollectorManager(BY_DATE, wanted, null, TOTAL_HITS_THRESHOLD, false));
        List<Ranked> ranked = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc doc : top.scoreDocs) {
            float score = ((FieldDoc) doc).fields[1] instanceof Float f ? f : 0f;
            ranked.add(new Ranked(doc.doc, score));
        }
        return new Ranking(ranked, top.totalHits);
    }
}
