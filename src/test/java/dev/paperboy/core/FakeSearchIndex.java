package dev.paperboy.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A search index that matches papers whose title contains every query word; enough to test commands. */
public final class FakeSearchIndex implements SearchIndex {

    private volatile List<LibraryPaper> papers = List.of();
    private volatile boolean failNext;
    private volatile String warnNext;

    public void failNextUpdate() {
        failNext = true;
    }

    /** The next update succeeds with this warning for whoever reloaded. */
    public void warnNextUpdate(String warning) {
        warnNext = warning;
    }

    @Override
    public List<String> libraryChanging(Library next) throws Exception {
        if (failNext) {
            failNext = false;
            throw new java.io.IOException("disk full");
        }
        List<LibraryPaper> all = new ArrayList<>(next.digestPapers());
        next.loosePapers().forEach(paper -> {
            if (next.findByKey(paper.key()).isEmpty() && all.stream().noneMatch(p -> p.key().equals(paper.key()))) {
                all.add(LoosePapers.served(paper));
            }
        });
        papers = List.copyOf(all);
        String warning = warnNext;
        warnNext = null;
        return warning == null ? List.of() : List.of(warning);
    }

    @Override
    public SearchPage search(SearchRequest request) {
        String[] words = request.query().toLowerCase(Locale.ROOT).split("\\s+");
        List<SearchHit> all = new ArrayList<>();
        for (LibraryPaper paper : papers) {
            String title = paper.paper().title().toLowerCase(Locale.ROOT);
            boolean matches = true;
            for (String word : words) {
                matches &= title.contains(word);
            }
            if (matches) {
                all.add(new SearchHit(paper, 1f, Snippet.plain(paper.paper().abstractText())));
            }
        }
        int from = Math.min(all.size(), (request.page() - 1) * request.pageSize());
        int to = Math.min(all.size(), from + request.pageSize());
        return new SearchPage(request.query(), null, all.subList(from, to), all.size(), request.page(),
                request.pageSize());
    }

    @Override
    public List<LibraryPaper> findPapers(String key, int limit) {
        return papers.stream().filter(p -> p.key().equals(key)
                || key.equals("title:" + Paper.normaliseTitle(p.paper().title()))).limit(limit).toList();
    }
}
