package dev.paperboy.cli;

import dev.paperboy.PaperboyApp;
import dev.paperboy.arxiv.ArxivFeedParser;
import dev.paperboy.arxiv.ArxivImportFormat;
import dev.paperboy.config.PaperboyConfig;
import dev.paperboy.content.PaperImport;
import dev.paperboy.core.ReloadResult;
import dev.paperboy.core.render.PlainText;
import dev.paperboy.search.LuceneSearchIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code import FILE…}: adds papers from JSONL dumps (plain or .gz), JSON digests, seed-text digests and saved
 * arXiv responses (API Atom pages, RSS listings) to the data directory, then updates the search index with
 * what changed. Malformed lines are reported with their line number and skipped; an arXiv file that is not
 * readable XML is reported and nothing of it is imported, and the command then ends with status 1.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import papers (JSONL or .jsonl.gz dumps, JSON digests, seed-text digests, arXiv API or RSS"
                + " responses saved as .xml, .atom or .rss) into the data directory and index them.")
public final class ImportSubcommand implements Callable<Integer> {

    /** Problems printed one by one; past this only counted. */
    static final int SHOWN_PROBLEMS = 20;

    @Mixin
    CommonOptions common = new CommonOptions();

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import.")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                err.println("No file at " + file + ": nothing was imported.");
                err.flush();
                return 2;
            }
        }
        return ConfigErrors.guard(err, () -> {
            long started = System.nanoTime();
            PaperboyConfig config = common.load();
            try (PaperboyApp app = new PaperboyApp(config, Clock.systemUTC())) {
                return importAndIndex(app, started, out, err);
            }
        });
    }

    /** Imports every file, then loads the content with what was imported, which brings the index up to date. */
    private int importAndIndex(PaperboyApp app, long started, PrintWriter out, PrintWriter err) throws IOException {
        PaperImport importer = new PaperImport(app.importedContent(),
                List.of(new ArxivImportFormat(new ArxivFeedParser())));
        long papers = 0;
        long problems = 0;
        int unreadable = 0;
        int[] shown = {0};
        for (Path file : files) {
            ProgressBar bar = new ProgressBar(err, file.getFileName().toString(), Files.size(file));
            PaperImport.Result result = importer.importFile(file, problem -> {
                if (shown[0]++ < SHOWN_PROBLEMS) {
                    bar.interrupt(problem.line() > 0 ? problem + " (skipped)" : problem.toString());
                }
            }, bar::update);
            bar.finish();
            papers += result.papers();
            problems += result.problems();
            if (result.written() == null && result.problems() > 0) {
                unreadable++;
                out.printf(Locale.ROOT, "%s: nothing imported (see the problems above)%n", result.file());
                continue;
            }
            if (result.written() == null) {
                out.printf(Locale.ROOT, "%s: no papers in it, nothing imported%n", result.file());
                continue;
            }
            out.printf(Locale.ROOT, "%s: %s%s%s%n", result.file(), PlainText.count(result.papers(), "paper"),
                    result.digests() > 0 ? " in " + PlainText.count(result.digests(), "digest") : "",
                    result.problems() > 0 ? ", " + result.problems() + " malformed skipped" : "");
        }
        if (shown[0] > SHOWN_PROBLEMS) {
            err.println("... and " + (shown[0] - SHOWN_PROBLEMS) + " more problems.");
        }
        out.flush();
        err.print("Indexing...");
        err.flush();
        ReloadResult reload = app.loadContent();
        err.println();
        if (!reload.applied()) {
            reload.problems().stream().limit(SHOWN_PROBLEMS).forEach(err::println);
            err.println("The papers were imported into " + app.importedContent().directory() + ", but the"
                    + " content has problems (above), so nothing is served or indexed until they are fixed.");
            err.flush();
            return 1;
        }
        LuceneSearchIndex.IndexUpdate index = app.search().lastUpdate();
        out.printf(Locale.ROOT, "Imported %s from %s, %,d malformed skipped; the library has"
                        + " %s; index: %,d added, %,d changed, %,d deleted%s; %.1f s in all.%n",
                PlainText.count(papers, "paper"), PlainText.count(files.size(), "file"), problems,
                PlainText.count(reload.papers(), "paper"), index.added(), index.changed(),
                index.deleted(), index.refused() > 0 ? ", " + index.refused() + " left out of search" : "",
                (System.nanoTime() - started) / 1e9);
        if (index.refused() > 0) {
            err.println(PlainText.count(index.refused(), "paper") + (index.refused() == 1 ? " is" : " are")
                    + " left out of search (the warnings above say which and why); fix them and import again.");
        }
        if (unreadable > 0) {
            err.println(PlainText.count(unreadable, "file") + " could not be read (above) and imported nothing;"
                    + " fix or replace " + (unreadable == 1 ? "it and import it" : "them and import them")
                    + " again.");
        }
        out.flush();
        err.flush();
        return unreadable > 0 ? 1 : 0;
    }

    /** A one-line progress bar on stderr, shown only once an import has run for a moment. */
    static final class ProgressBar {
        private static final long QUIET_NANOS = 700_000_000L;
        private static final long EVERY_NANOS = 200_000_000L;

        private final PrintWriter err;
        private final String name;
        private final long total;
        private final long started = System.nanoTime();
        private long lastDrawn;
        private boolean drawn;

        ProgressBar(PrintWriter err, String name, long total) {
            this.err = err;
            this.name = name;
            this.total = Math.max(1, total);
        }

        void update(long done) {
            long now = System.nanoTime();
            if (now - started < QUIET_NANOS || now - lastDrawn < EVERY_NANOS) {
                return;
            }
            lastDrawn = now;
            drawn = true;
            int percent = (int) Math.min(100, done * 100 / total);
            String bar = "#".repeat(percent / 5) + ".".repeat(20 - percent / 5);
            err.printf(Locale.ROOT, "\r%s [%s] %3d%% %.0f s", name, bar, percent, (now - started) / 1e9);
            err.flush();
        }

        /** Prints a line above the bar. */
        void interrupt(String line) {
            if (drawn) {
                err.print("\r\033[K");
            }
            err.println(line);
            err.flush();
            lastDrawn = 0;
        }

        void finish() {
            if (drawn) {
                update(total);
                err.println();
                err.flush();
            }
        }
    }
}
