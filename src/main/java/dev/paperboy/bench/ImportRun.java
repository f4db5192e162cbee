package dev.paperboy.bench;

import dev.paperboy.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code import} of a corpus file as a user runs it: a new process (default heap) on an empty content and data
 * directory, timed from starting the JVM until the process has ended, so that reading the file, loading
 * the library and building the index all count, and so does a cold JVM.
 */
final class ImportRun {

    /** An import still running after this long is stopped and counts as failed. */
    private static final long CHILD_TIMEOUT_MINUTES = 30;

    private ImportRun() {
    }

    /** The median over {@code runs} imports, in seconds. */
    static double medianSeconds(Path corpus, Path work, int runs) throws IOException, InterruptedException {
        Path config = work.resolve("import.yml");
        Files.writeString(config, "# no settings: the built-in defaults, no arXiv topics\n", StandardCharsets.UTF_8);
        double[] seconds = new double[runs];
        for (int run = 0; run < runs; run++) {
            Path dir = work.resolve("import-" + run);
            seconds[run] = runOnce(corpus, config, Files.createDirectories(dir.resolve("content")), dir.resolve("data"));
        }
        return ColdStart.median(seconds);
    }

    private static double runOnce(Path corpus, Path config, Path content, Path data)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "import", "--config", config.toString(), "--content", content.toString(),
                "--data", data.toString(), corpus.toString()));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!process.waitFor(CHILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                throw new IOException("an import of " + corpus + " still ran after " + CHILD_TIMEOUT_MINUTES
                        + " minutes and was stopped");
            }
        } finally {
            // stopped, or this thread interrupted: the child must not write on into a directory being removed
            if (process.isAlive()) {
                process.destroyForcibly().waitFor();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (process.exitValue() != 0) {
            throw new IOException("an import of " + corpus + " ended with status " + process.exitValue() + "; run "
                    + String.join(" ", command.subList(3, command.size())) + " (with the bench's class path) to see why");
        }
        return seconds;
    }
}
