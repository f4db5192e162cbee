package dev.paperboy.bench;

import dev.paperboy.bench.BenchQuery.Kind;
import dev.paperboy.core.Paper;
import dev.paperboy.core.render.PlainText;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Issue 7's search benchmark: builds Paperboy's index and an SQLite FTS5 table of the same papers in one
 * process, then runs the same queries against both, round after round with the engines interleaved, and
 * prints build time, size, latency percentiles, throughput and quality side by side. Latencies are the
 * medians over the measured rounds of each round's percentile; the first rounds only warm up.
 */
public final class SearchBench {

    /** What to run. */
    public record Options(Path corpus, Path queries, int scale, int perKind, int rounds, int warmups, long seed,
                          Path workDir, int showMisses, int coldRuns, int importRuns) {
    }

    /** One engine's figures for one kind of query. */
    record KindResult(double p50, double p95, double p99, double qps, double mrr, double recall) {
    }

    private final Options options;
    private final PrintWriter out;

    public SearchBench(Options options, PrintWriter out) {
        this.options = options;
        this.out = out;
    }

    public void run() throws Exception {
        long started = System.nanoTime();
        List<Paper> real = BenchCorpus.load(options.corpus());
        List<Paper> papers = options.scale() > 0 ? BenchCorpus.scale(real, options.scale(), options.seed()) : real;
        int realCount = Math.min(real.size(), papers.size());
        List<BenchQuery> queries = options.queries() != null ? BenchQueries.read(options.queries())
                : BenchQueries.generate(papers, realCount, options.perKind(), options.seed());
        Map<Kind, List<BenchQuery>> byKind = new EnumMap<>(Kind.class);
        queries.forEach(q -> byKind.computeIfAbsent(q.kind(), k -> new ArrayList<>()).add(q));
        out.printf(Locale.ROOT, "corpus: %,d papers from %s (loaded in %.1f s), seed %d, %d warm-up + %d measured"
                        + " rounds%n", papers.size(), options.corpus().getFileName(),
                seconds(System.nanoTime() - started), options.seed(), options.warmups(), options.rounds());
        byKind.forEach((kind, list) -> out.printf(Locale.ROOT, "  %-20s %d queries, e.g. \"%s\"%n", kind.label(),
                list.size(), list.get(0).text()));
        out.flush();

        Files.createDirectories(options.workDir());
        Path work = Files.createTempDirectory(options.workDir(), "bench-");
        PaperboyEngine paperboy = new PaperboyEngine(work.resolve("paperboy"));
        List<BenchEngine> engines = List.of(paperboy, new Fts5Engine(work.resolve("fts5.db")));
        double[] buildSeconds = new double[engines.size()];
        long[] sizes = new long[engines.size()];
        try {
            for (int e = 0; e < engines.size(); e++) {
                long t = System.nanoTime();
                engines.get(e).build(papers);
                buildSeconds[e] = seconds(System.nanoTime() - t);
                sizes[e] = engines.get(e).sizeBytes();
                out.printf(Locale.ROOT, "built %s in %.1f s, %.1f MB%n", engines.get(e).name(), buildSeconds[e],
                        sizes[e] / 1e6);
                out.flush();
            }
            ColdStart.Result cold = ColdStart.measure(paperboy.directory(), PaperboyEngine.CONTENT_VERSION,
                    queries.stream().map(BenchQuery::text).toList(), options.coldRuns());
            Map<Kind, List<KindResult>> results = measure(engines, byKind);
            printTable(engines, buildSeconds, sizes, results);
            printColdStart(cold);
            printImport(work, buildSeconds[1]);
        } finally {
            for (BenchEngine engine : engines) {
                engine.close();
            }
            deleteTree(work);
        }
    }

    private Map<Kind, List<KindResult>> measure(List<BenchEngine> engines, Map<Kind, List<BenchQuery>> byKind)
            throws Exception {
        int n = engines.size();
        Map<Kind, List<List<double[]>>> rounds = new EnumMap<>(Kind.class); // kind -> engine -> per round [p50,p95,p99,qps]
        Map<Kind, double[][]> quality = new EnumMap<>(Kind.class); // kind -> engine -> [mrr, recall]
        Random order = new Random(options.seed());
        int[] misses = new int[n];
        for (int round = 0; round < options.warmups() + options.rounds(); round++) {
            boolean measured = round >= options.warmups();
            for (Map.Entry<Kind, List<BenchQuery>> entry : byKind.entrySet()) {
                List<BenchQuery> shuffled = new ArrayList<>(entry.getValue());
                Collections.shuffle(shuffled, order);
                for (int e = 0; e < n; e++) {
                    // alternate which engine goes first, so neither always runs on a cooler cache
                    int engineIndex = (e + round) % n;
                    BenchEngine engine = engines.get(engineIndex);
                    double[] latencies = new double[shuffled.size()];
                    double mrr = 0;
                    double recall = 0;
                    long roundStart = System.nanoTime();
                    for (int i = 0; i < shuffled.size(); i++) {
                        BenchQuery query = shuffled.get(i);
                        long t = System.nanoTime();
                        List<String> top = engine.top(query.text(), 10);
                        latencies[i] = (System.nanoTime() - t) / 1e6;
                        if (!query.relevant().isEmpty()) {
                            if (round == 0 && reciprocalRank(top, query) < 1 && misses[engineIndex]++ < options.showMisses()) {
                                out.printf(Locale.ROOT, "miss %s %s: \"%s\" wants %s, got %s%n", engine.name(),
                                        query.kind().label(), query.text(), query.relevant().stream().limit(3).toList(),
                                        top.stream().limit(3).toList());
                            }
                            mrr += reciprocalRank(top, query);
                            recall += recall(top, query);
                        }
                    }
                    double elapsed = seconds(System.nanoTime() - roundStart);
                    if (!measured) {
                        continue;
                    }
                    Arrays.sort(latencies);
                    rounds.computeIfAbsent(entry.getKey(), k -> newLists(n)).get(engineIndex).add(new double[] {
                            percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99),
                            shuffled.size() / elapsed});
                    quality.computeIfAbsent(entry.getKey(), k -> new double[n][])[engineIndex] =
                            new double[] {mrr / shuffled.size(), recall / shuffled.size()};
                }
            }
        }
        Map<Kind, List<KindResult>> results = new EnumMap<>(Kind.class);
        rounds.forEach((kind, perEngine) -> {
            List<KindResult> list = new ArrayList<>();
            for (int e = 0; e < n; e++) {
                List<double[]> r = perEngine.get(e);
                double[] q = quality.get(kind)[e];
                list.add(new KindResult(median(r, 0), median(r, 1), median(r, 2), median(r, 3), q[0], q[1]));
            }
            results.put(kind, list);
        });
        return results;
    }

    private static List<List<double[]>> newLists(int n) {
        List<List<double[]>> lists = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lists.add(new ArrayList<>());
        }
        return lists;
    }

    private void printTable(List<BenchEngine> engines, double[] build, long[] sizes,
                            Map<Kind, List<KindResult>> results) {
        String a = engines.get(0).name();
        String b = engines.get(1).name();
        out.println();
        out.printf(Locale.ROOT, "| measure | %s | %s | ratio |%n", a, b);
        out.println("|---|---:|---:|---:|");
        out.printf(Locale.ROOT, "| build (s) | %.1f | %.1f | %.2f× faster |%n", build[0], build[1], build[1] / build[0]);
        out.printf(Locale.ROOT, "| index size (MB) | %.1f | %.1f | %.2f× |%n", sizes[0] / 1e6, sizes[1] / 1e6,
                (double) sizes[0] / sizes[1]);
        for (Map.Entry<Kind, List<KindResult>> entry : results.entrySet()) {
            String kind = entry.getKey().label();
            KindResult x = entry.getValue().get(0);
            KindResult y = entry.getValue().get(1);
            latencyRow(kind + " p50 (ms)", x.p50(), y.p50());
            latencyRow(kind + " p95 (ms)", x.p95(), y.p95());
            latencyRow(kind + " p99 (ms)", x.p99(), y.p99());
            out.printf(Locale.ROOT, "| %s throughput (q/s) | %.0f | %.0f | %.1f× |%n", kind, x.qps(), y.qps(),
                    x.qps() / y.qps());
            if (entry.getKey() != Kind.TOPIC) {
                out.printf(Locale.ROOT, "| %s MRR@10 | %.3f | %.3f | |%n", kind, x.mrr(), y.mrr());
                out.printf(Locale.ROOT, "| %s recall@10 | %.3f | %.3f | |%n", kind, x.recall(), y.recall());
            }
        }
        out.println();
        out.println("ratio: how many times faster (latency, build) or more (throughput) Paperboy is than FTS5;"
                + " latencies are medians over rounds of each round's percentile, single-threaded.");
        out.flush();
    }

    private void printColdStart(ColdStart.Result cold) {
        String archived = Double.isNaN(cold.firstAnswerArchivedMillis())
                ? "no class-data archive from a class path of folders"
                : String.format(Locale.ROOT, "%.0f ms with a class-data archive", cold.firstAnswerArchivedMillis());
        out.printf(Locale.ROOT, "%nA new process serving Paperboy's index with -Xmx%dm (median of %s): first"
                        + " answer %.0f ms after starting the JVM (%s); heap %.1f MB at its peak and %.1f MB after a"
                        + " GC, having answered every query once.%n", ColdStart.HEAP_LIMIT_MB,
                PlainText.count(cold.runs(), "run"),
                cold.firstAnswerMillis(), archived, cold.peakHeapMb(), cold.settledHeapMb());
        out.flush();
    }

    /** Issue 7 compares {@code import}, process start to finish, with FTS5's build in this run. */
    private void printImport(Path work, double fts5BuildSeconds) throws Exception {
        if (options.importRuns() == 0) {
            return;
        }
        if (options.scale() > 0) {
            out.println("Import is timed on the corpus file only, so not with --scale.");
            out.flush();
            return;
        }
        double seconds = ImportRun.medianSeconds(options.corpus(), work, options.importRuns());
        out.printf(Locale.ROOT, "Import of %s in a new process, start to finish (median of %s): %.1f s,"
                        + " against SQLite FTS5's build of %.1f s above: %.2f× as fast.%n",
                options.corpus().getFileName(), PlainText.count(options.importRuns(), "run"), seconds, fts5BuildSeconds,
                fts5BuildSeconds / seconds);
        out.flush();
    }

    private void latencyRow(String label, double mine, double theirs) {
        out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.1f× |%n", label, mine, theirs, theirs / mine);
    }

    static double reciprocalRank(List<String> top, BenchQuery query) {
        for (int i = 0; i < Math.min(10, top.size()); i++) {
            if (query.relevant().contains(top.get(i))) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    /** The share of the relevant papers in the top 10, out of as many as could fit. */
    static double recall(List<String> top, BenchQuery query) {
        long found = top.stream().limit(10).filter(query.relevant()::contains).count();
        return (double) found / Math.min(10, query.relevant().size());
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double median(List<double[]> rows, int column) {
        double[] values = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        int m = values.length / 2;
        return values.length % 2 == 1 ? values[m] : (values[m - 1] + values[m]) / 2;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
