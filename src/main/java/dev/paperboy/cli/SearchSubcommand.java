package dev.paperboy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperboy.PaperboyApp;
import dev.paperboy.console.ConsoleRenderer;
import dev.paperboy.core.LibraryPaper;
import dev.paperboy.core.SearchHit;
import dev.paperboy.core.SearchPage;
import dev.paperboy.core.SearchRequest;
import dev.paperboy.core.command.SearchReply;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code search}: runs one query against the content, as text or as JSON for scripts. */
@Command(name = "search", mixinStandardHelpOptions = true, description = "Search the papers of the content.")
public final class SearchSubcommand implements Callable<Integer> {

    @Mixin
    CommonOptions common = new CommonOptions();

    @Option(names = "--json", description = "Print {\"total\":N,\"results\":[{\"id\",\"title\",\"topic\",\"date\",\"score\"}]}.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Results to print (1-100, default 10).")
    int limit;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "The query, in the same syntax as /search.")
    List<String> query;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (limit < 1 || limit > 100) {
            err.println("--limit must be between 1 and 100, got " + limit);
            err.flush();
            return 2;
        }
        return ConfigErrors.guard(err, () -> {
            try (PaperboyApp app = new PaperboyApp(common.load(), Clock.systemUTC())) {
                if (!app.loadContent().applied()) {
                    err.println("The content has problems (listed above); run `check` to see them all.");
                    err.flush();
                    return 1;
                }
                SearchPage page = app.search().search(new SearchRequest(String.join(" ", query), 1, limit));
                if (json) {
                    out.println(toJson(page));
                } else if (page.total() == 0) {
                    out.println("No papers match.");
                } else {
                    new ConsoleRenderer().render(new SearchReply(page)).forEach(out::println);
                }
                out.flush();
                return 0;
            }
        });
    }

    private static String toJson(SearchPage page) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("total", page.total());
        if (page.correctedQuery() != null) {
            root.put("corrected", page.correctedQuery());
        }
        ArrayNode results = root.putArray("results");
        for (SearchHit hit : page.hits()) {
            LibraryPaper paper = hit.paper();
            ObjectNode node = results.addObject();
            node.put("id", paper.paper().arxivId());
            node.put("title", paper.paper().title());
            node.put("topic", paper.primaryTopic().isEmpty() ? null : paper.primaryTopic());
            node.put("date", paper.date() == null ? null : paper.date().toString());
            node.put("score", hit.score());
        }
        return mapper.writeValueAsString(root);
    }
}
