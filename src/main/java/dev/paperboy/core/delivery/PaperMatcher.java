package dev.paperboy.core.delivery;

import dev.paperboy.core.Library;
import dev.paperboy.core.LibraryPaper;
import dev.paperboy.core.SearchHit;
import dev.paperboy.core.SearchIndex;
import dev.paperboy.core.SearchPage;
import dev.paperboy.core.SearchRequest;
import dev.paperboy.core.Topics;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The papers of the library a filter matches, computed once per filter within one planning pass. */
final class PaperMatcher {

    /** A saved search that matches more than this is too broad to be a daily digest anyway. */
    static final int MAX_QUERY_RESULTS = 1000;
    private static final int PAGE = 100;

    private final Library library;
    private final SearchIndex search;
    private final Map<SubscriptionFilter, List<LibraryPaper>> cache = new HashMap<>();
    private final Map<SubscriptionFilter, String> labels = new HashMap<>();
    private final Map<Map.Entry<SubscriptionFilter, LocalDate>, List<LibraryPaper>> windows = new HashMap<>();

    PaperMatcher(Library library, SearchIndex search) {
        this.library = library;
        this.search = search;
    }

    /** The papers the filter matches, newest first. */
    List<LibraryPaper> matches(SubscriptionFilter filter) {
        return cache.computeIfAbsent(filter, f -> {
            List<LibraryPaper> found = new ArrayList<>(f.kind() == SubscriptionFilter.Kind.TOPIC
                    ? topic(f.text()) : query(f.text()));
            found.sort(NEWEST_FIRST);
            return List.copyOf(found);
        });
    }

    /** The papers the filter matches that are dated {@code oldest} or later, newest first. */
    List<LibraryPaper> datedFrom(SubscriptionFilter filter, LocalDate oldest) {
        return windows.computeIfAbsent(Map.entry(filter, oldest), k -> {
            List<LibraryPaper> all = matches(filter);
            int end = 0;
            while (end < all.size() && all.get(end).date() != null && !all.get(end).date().isBefore(oldest)) {
                end++;
            }
            return all.subList(0, end);
        });
    }

    /** Newest first; papers without a day last (the planner skips them anyway). */
    private static final Comparator<LibraryPaper> NEWEST_FIRST =
            Comparator.comparing(LibraryPaper::date, Comparator.nullsLast(Comparator.reverseOrder()));

    /** The label a digest of this filter carries: the topic as the content spells it, or the query. */
    String label(SubscriptionFilter filter) {
        return labels.computeIfAbsent(filter, f -> f.kind() == SubscriptionFilter.Kind.TOPIC
                ? library.findTopic(f.text()).orElse(f.text())
                : "Search: " + f.text());
    }

    private List<LibraryPaper> topic(String name) {
        String wanted = Topics.normalise(name);
        List<LibraryPaper> result = new ArrayList<>();
        for (LibraryPaper paper : library.digestPapers()) {
            if (paper.topics().stream().anyMatch(t -> Topics.normalise(t).equals(wanted))) {
                result.add(paper);
            }
        }
        return result;
    }

    private List<LibraryPaper> query(String text) {
        List<LibraryPaper> result = new ArrayList<>();
        for (int page = 1; result.size() < MAX_QUERY_RESULTS; page++) {
            SearchPage found = search.search(new SearchRequest(text, page, PAGE));
            for (SearchHit hit : found.hits()) {
                result.add(hit.paper());
            }
            if (page >= found.pageCount() || found.hits().isEmpty()) {
                break;
            }
        }
        return result;
    }
}
