package dev.paperboy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperboy.PaperboyApp;
import dev.paperboy.console.ConsoleRenderer;
import dev.paperboy.core.LibraryPaper;
import dev.paperboy.config.PaperboyConfig;
import dev.paperboy.core.SearchHit;
import dev.paperboy.core.SearchIndex;
import dev.paperboy.core.SearchPage;
import dev.paperboy.core.SearchRequest;
import dev.paperboy.core.render.QueryProblems;
import dev.paperboy.core.command.SearchReply;
import dev.paperboy.search.LuceneSearchIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code search}: runs one query against the content, as text or as JSON for scripts; or, with
 * {@code --batch}, every query of a file, one JSON line each with the time the search took in the process.
 * When the index on disk was built from the content as it is now, it answers without reading the content
 * (and without opening the database); otherwise the content is read and the index brought up to date first.
 */
@Command(name = "search", description = "Search the papers of the content.")
public final class SearchSubcommand implements Callable<Integer> {

    /** Only the long form: a query's "-hallucination" or "-Vision" must not read as -h or -V. */
    @Option(names = "--help", usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Mixin
    CommonOptions common = new CommonOptions();

    @Option(names = "--json", description = "Print {\"total\":N,\"results\":[{\"id\",\"title\",\"topic\",\"date\",\"score\"}]},"
            + " with \"totalIsLowerBound\", \"corrected\" and \"problems\" when they apply.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Results to print (1-100, default 10).")
    int limit;

    @Option(names = "--page", paramLabel = "N", defaultValue = "1",
            description = "Which page of --limit results to print (default 1).")
    int page;

    @Option(names = "--batch", paramLabel = "FILE",
            description = "Run every line of FILE as a query (after loading) and print one JSON line per query:"
                    + " {\"query\",\"total\",\"micros\",\"results\":[{\"id\",\"score\"}]}.")
    Path batch;

    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "The query, in the same syntax as /search.")
    List<String> query;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (limit < 1 || limit > 100) {
            err.println("--limit must be between 1 and 100, got " + limit);
            return 2;
        }
        if (page < 1 || (long) page * limit > Integer.MAX_VALUE) {
            err.println("--page must be a page number from 1 up, got " + page);
            err.flush();
            return 2;
        }
        if ((query == null || query.isEmpty()) == (batch == null)) {
            err.println("Give either a query or --batch FILE (one query a line), not both or neither.");
            err.flush();
            return 2;
        }
        if (batch != null && !Files.isRegularFile(batch)) {
            err.println("No query file at " + batch + ": --batch needs a text file with one query a line.");
            err.flush();
            return 2;
        }
        return ConfigErrors.guard(err, () -> {
            PaperboyConfig config = common.load();
            Optional<String> version = PaperboyApp.contentSource(config).version();
            if (version.isPresent()) {
                // the index on disk answers at once when it was built from the content as it is now
                try (LuceneSearchIndex index = new LuceneSearchIndex(PaperboyApp.indexStorage(config))) {
                    if (index.serveIfCurrent(version.get())) {
                        return answer(index, out);
                    }
                }
            }
            try (PaperboyApp app = new PaperboyApp(config, Clock.systemUTC())) {
                if (!app.loadContent().applied()) {
                    err.println("The content has problems (listed above); run `check` to see them all.");
                    err.flush();
                    return 1;
                }
                return answer(app.search(), out);
            }
        });
    }

    private int answer(SearchIndex index, PrintWriter out) throws Exception {
        if (batch != null) {
            runBatch(index, out);
            return 0;
        }
        SearchPage found = index.search(new SearchRequest(String.join(" ", query), page, limit));
        if (json) {
            out.println(toJson(found));
        } else if (found.total() == 0) {
            out.println("No papers match.");
            if (found.problems().isEmpty()) {
                out.println("Try fewer or other words, check the spelling, or drop filters such as au: or after:.");
            }
            QueryProblems.lines(found.problems()).forEach(out::println);
        } else if (found.hits().isEmpty()) {
            out.println(found.onlyPages() + " of results at --limit " + limit
                    + "; ask for --page " + found.pageCount() + " or less.");
        } else {
            new ConsoleRenderer(100, false).render(new SearchReply(found)).forEach(out::println);
            if (page < found.pageCount()) {
                out.println();
                out.println("Add --page " + (page + 1) + " for the next page.");
            }
        }
        out.flush();
        return 0;
    }

    private void runBatch(SearchIndex index, PrintWriter out) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        // a blank line too gets its (empty) answer, so that output line N answers input line N
        for (String line : Files.readAllLines(batch, StandardCharsets.UTF_8)) {
            long started = System.nanoTime();
            SearchPage found = index.search(new SearchRequest(line, page, limit));
            long micros = (System.nanoTime() - started) / 1_000;
            ObjectNode root = mapper.createObjectNode();
            root.put("query", line);
            root.put("total", found.total());
            root.put("micros", micros);
            describe(found, root);
            ArrayNode results = root.putArray("results");
            for (SearchHit hit : found.hits()) {
                String id = hit.paper().paper().arxivId();
                results.addObject().put("id", id != null ? id : hit.paper().key()).put("score", hit.score());
            }
            out.println(mapper.writeValueAsString(root));
        }
        out.flush();
    }

    /** What a JSON answer says beside its results, each only when it applies. */
    private static void describe(SearchPage page, ObjectNode root) {
        if (page.totalIsLowerBound()) {
            root.put("totalIsLowerBound", true);
        }
        if (page.correctedQuery() != null) {
            root.put("corrected", page.correctedQuery());
        }
        if (!page.problems().isEmpty()) {
            ArrayNode problems = root.putArray("problems");
            page.problems().forEach(problems::add);
        }
    }

    private static String toJson(SearchPage page) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("total", page.total());
        describe(page, root);
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
