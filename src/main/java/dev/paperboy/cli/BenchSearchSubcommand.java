package dev.paperboy.cli;

import dev.paperboy.bench.SearchBench;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench search}: Paperboy's search index against SQLite FTS5 on the same papers and queries. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Build Paperboy's index and an SQLite FTS5 table of a paper dump; compare build, size,"
                + " latency, throughput and quality.")
public final class BenchSearchSubcommand implements Callable<Integer> {

    @Option(names = "--corpus", required = true, paramLabel = "FILE", description = "A JSONL paper dump (.jsonl or .jsonl.gz).")
    Path corpus;

    @Option(names = "--queries", paramLabel = "FILE",
            description = "Queries, one a line: kind<TAB>query[<TAB>key,key…] (kinds: known_item, author, topic, typo);"
                    + " default: generated from the corpus.")
    Path queries;

    @Option(names = "--scale", paramLabel = "N", defaultValue = "0",
            description = "Run on exactly N papers, synthesising more from the corpus when it has fewer.")
    int scale;

    @Option(names = "--per-kind", paramLabel = "N", defaultValue = "200", description = "Generated queries per kind (default 200).")
    int perKind;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "5", description = "Measured rounds (default 5).")
    int rounds;

    @Option(names = "--warmups", paramLabel = "N", defaultValue = "2", description = "Warm-up rounds (default 2).")
    int warmups;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Random seed (default 42).")
    long seed;

    @Option(names = "--work", paramLabel = "DIR", description = "Where to build the indexes (default: the temp directory).")
    Path work;

    @Option(names = "--cold-runs", paramLabel = "N", defaultValue = "3",
            description = "New processes started to time a first answer, with and without a class-data archive"
                    + " (default 3 each).")
    int coldRuns;

    @Option(names = "--import-runs", paramLabel = "N", defaultValue = "1",
            description = "Imports of the corpus file in new processes, timed start to finish against FTS5's build"
                    + " (default 1; 0 skips them).")
    int importRuns;

    @Option(names = "--show-misses", paramLabel = "N", defaultValue = "0",
            description = "Print up to N queries per engine whose answer was not first (default 0).")
    int showMisses;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(corpus)) {
            err.println("No corpus at " + corpus + ": pass a JSONL paper dump with --corpus.");
            err.flush();
            return 2;
        }
        if (rounds < 1 || perKind < 1 || coldRuns < 1 || warmups < 0 || scale < 0 || importRuns < 0) {
            err.println("--rounds, --per-kind and --cold-runs must be 1 or more, --warmups, --scale and"
                    + " --import-runs 0 or more.");
            err.flush();
            return 2;
        }
        Path workDir = work != null ? work : Path.of(System.getProperty("java.io.tmpdir"));
        new SearchBench(new SearchBench.Options(corpus, queries, scale, perKind, rounds, warmups, seed, workDir,
                showMisses, coldRuns, importRuns),
                spec.commandLine().getOut()).run();
        return 0;
    }
}
