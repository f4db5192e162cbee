package dev.paperboy.core.command;

import dev.paperboy.core.SearchIndex;
import dev.paperboy.core.SearchPage;
import dev.paperboy.core.SearchRequest;
import dev.paperboy.core.render.QueryProblems;
import java.util.List;

/** {@code /search <query>}: one page of the papers that match, best first. */
final class SearchCommand implements Command {

    private final SearchIndex index;
    private final int pageSize;

    SearchCommand(SearchIndex index, int pageSize) {
        this.index = index;
        this.pageSize = pageSize;
    }

    @Override
    public String name() {
        return "search";
    }

    @Override
    public String description() {
        return "Search all papers by words, \"phrases\", au:author, cat:cs.CV, after:2025-01-01";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(new CommandOption("query", "Words to look for, e.g. vision transformer", true,
                CommandOption.Kind.TEXT));
    }

    @Override
    public Reply execute(CommandRequest request, Caller caller) {
        String query = request.arguments();
        if (query.isBlank()) {
            return new ErrorReply("Type what to look for after /search, for example: /search vision transformer");
        }
        SearchPage page = index.search(new SearchRequest(query, request.page(), pageSize));
        if (page.total() == 0) {
            // what in the query could not be searched says more than general advice
            return new TextReply("No papers match \"" + TypedText.query(query) + "\".", page.problems().isEmpty()
                    ? List.of("Try fewer or other words, check the spelling, or drop filters such as au: or after:.")
                    : QueryProblems.lines(page.problems()));
        }
        if (page.hits().isEmpty()) {
            // only a button of an older reply asks past the end, after the library shrank: show the last page
            SearchPage last = index.search(new SearchRequest(query, page.pageCount(), pageSize));
            if (last.hits().isEmpty()) {
                return new ErrorReply(page.onlyPages() + " of results for \"" + TypedText.query(query)
                        + "\" now; search again to see them.");
            }
            return new SearchReply(last.withNote(page.onlyPages() + " of results now; this is the last."));
        }
        return new SearchReply(page);
    }
}
