package dev.paperboy.bench;

import dev.paperboy.core.SearchRequest;
import dev.paperboy.search.IndexStorage;
import dev.paperboy.search.LuceneSearchIndex;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A new process serving a built index: how long from starting the JVM to its first answer (as it is, and
 * with a class-data archive of its classes, as the Docker image runs), and how much heap it needs while it
 * answers every bench query (run with {@value #HEAP_LIMIT_MB} MB of heap at most, so finishing at all shows
 * it fits). The child process is this class's {@link #main}: it serves the index
 * on disk without a library ({@link LuceneSearchIndex#serveIfCurrent}), as {@code search} does.
 */
final class ColdStart {

    static final int HEAP_LIMIT_MB = 256;
    /** A child still running after this long is stopped and counts as failed. */
    private static final long CHILD_TIMEOUT_SECONDS = 300;

    /**
     * Medians over the runs: start to first answer (ms, seen from the parent) without and with a class-data
     * archive (as the Docker image runs; NaN when the class path cannot be archived), and the peak and
     * settled heap (MB).
     */
    record Result(double firstAnswerMillis, double firstAnswerArchivedMillis, double peakHeapMb,
                  double settledHeapMb, int runs) {
    }

    private ColdStart() {
    }

    static Result measure(Path indexDirectory, String contentVersion, List<String> queries, int runs)
            throws IOException, InterruptedException {
        if (queries.isEmpty()) {
            throw new IllegalArgumentException("a cold start needs at least one query to answer");
        }
        Path queryFile = Files.createTempFile("paperboy-cold", ".txt");
        Path archive = queryFile.resolveSibling(queryFile.getFileName() + ".jsa");
        try {
            Files.write(queryFile, queries, StandardCharsets.UTF_8);
            double[] first = new double[runs];
            double[] archived = new double[runs];
            double[] peak = new double[runs];
            double[] settled = new double[runs];
            for (int run = 0; run < runs; run++) {
                double[] one = runOnce(List.of(), indexDirectory, contentVersion, queryFile);
                first[run] = one[0];
                peak[run] = one[1];
                settled[run] = one[2];
            }
            if (archivable()) {
                // the archive records the classes a first run loads; later runs map them in ready-made
                runOnce(List.of("-XX:ArchiveClassesAtExit=" + archive), indexDirectory, contentVersion, queryFile);
                for (int run = 0; run < runs; run++) {
                    archived[run] = runOnce(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto"),
                            indexDirectory, contentVersion, queryFile)[0];
                }
            } else {
                Arrays.fill(archived, Double.NaN);
            }
            return new Result(median(first), median(archived), median(peak), median(settled), runs);
        } finally {
            Files.deleteIfExists(queryFile);
            Files.deleteIfExists(archive);
        }
    }

    private static double[] runOnce(List<String> jvmOptions, Path indexDirectory, String contentVersion,
                                     Path queryFile) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + HEAP_LIMIT_MB + "m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ColdStart.class.getName(),
                indexDirectory.toString(), contentVersion, queryFile.toString()));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        // a child that hangs is stopped, which also ends the reading below
        process.onExit().completeOnTimeout(process, CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .thenAccept(Process::destroyForcibly);
        double firstMillis = -1;
        double[] heap = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals("first") && firstMillis < 0) {
                    firstMillis = (System.nanoTime() - started) / 1e6;
                } else if (line.startsWith("heap ")) {
                    String[] parts = line.split(" ");
                    heap = new double[] {Double.parseDouble(parts[1]), Double.parseDouble(parts[2])};
                }
            }
        }
        int status = process.waitFor();
        if (status != 0 || firstMillis < 0 || heap == null) {
            throw new IOException("a new process serving the index failed (exit status " + status + "; one still"
                    + " running after " + CHILD_TIMEOUT_SECONDS + " s is stopped); run "
                    + ColdStart.class.getName() + " " + indexDirectory + " " + contentVersion + " QUERY_FILE (with"
                    + " the bench's class path) to see why");
        }
        return new double[] {firstMillis, heap[0], heap[1]};
    }

    /** A class-data archive needs a class path of jars only (the packaged jar, not Maven's class folders). */
    private static boolean archivable() {
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!entry.endsWith(".jar")) {
                return false;
            }
        }
        return true;
    }

    /** The median of the values (the mean of the middle two for an even count). */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    /**
     * The child: {@code INDEX_DIR CONTENT_VERSION QUERY_FILE}. Prints "first" once the first query is
     * answered, then "heap PEAK_MB SETTLED_MB" after answering every query.
     */
    public static void main(String[] args) throws Exception {
        try (LuceneSearchIndex index = new LuceneSearchIndex(IndexStorage.onDisk(Path.of(args[0])))) {
            if (!index.serveIfCurrent(args[1])) {
                System.err.println("The index in " + args[0] + " was not built for content " + args[1]);
                System.exit(1);
            }
            List<String> queries = Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8);
            index.search(new SearchRequest(queries.get(0), 1, 10));
            System.out.println("first");
            System.out.flush();
            for (String query : queries) {
                index.search(new SearchRequest(query, 1, 10));
            }
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.gc();
            long settled = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf(Locale.ROOT, "heap %.1f %.1f%n", peak / 1e6, settled / 1e6);
        }
    }
}
