package dev.paperboy.cli;

import dev.paperboy.bench.BenchCorpus;
import dev.paperboy.content.JsonlPaperFormat;
import dev.paperboy.core.Paper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench corpus}: writes the corpus {@code bench search --scale} measures as a JSONL dump, so that
 * the bot itself can be tried on a million papers ({@code import} it, then {@code run}).
 */
@Command(name = "corpus", mixinStandardHelpOptions = true,
        description = "Write N papers, the corpus's and synthetic ones made from it as bench search --scale does,"
                + " as a JSONL dump.")
public final class BenchCorpusSubcommand implements Callable<Integer> {

    @Option(names = "--corpus", required = true, paramLabel = "FILE", description = "A JSONL paper dump (.jsonl or .jsonl.gz).")
    Path corpus;

    @Option(names = "--scale", required = true, paramLabel = "N", description = "How many papers to write.")
    int scale;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Random seed (default 42).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The dump to write (.jsonl).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(corpus)) {
            err.println("No corpus at " + corpus + ": pass a JSONL paper dump with --corpus.");
            err.flush();
            return 2;
        }
        if (scale < 1) {
            err.println("--scale must be 1 or more.");
            err.flush();
            return 2;
        }
        List<Paper> papers = BenchCorpus.scale(BenchCorpus.load(corpus), scale, seed);
        JsonlPaperFormat.write(papers, out);
        spec.commandLine().getOut().printf(Locale.ROOT, "Wrote %,d papers to %s%n", papers.size(), out);
        return 0;
    }
}
