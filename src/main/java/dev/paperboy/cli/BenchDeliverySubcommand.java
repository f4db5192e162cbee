package dev.paperboy.cli;

import dev.paperboy.bench.DeliveryBench;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench delivery}: one digest to many targets through a fake Telegram with scaled limits. */
@Command(name = "delivery", mixinStandardHelpOptions = true,
        description = "Fan one digest out to N Telegram targets through the outbox and a fake Telegram that enforces"
                + " scaled limits; report time against the floor, 429s, duplicates and losses, also with a kill mid-run.")
public final class BenchDeliverySubcommand implements Callable<Integer> {

    @Option(names = "--targets", paramLabel = "N", defaultValue = "10000", description = "Subscribed targets (default 10000).")
    int targets;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "300",
            description = "Messages per second overall the fake Telegram allows (default 300, Telegram's 30 scaled by 10).")
    int rate;

    @Option(names = "--per-chat", paramLabel = "N", defaultValue = "10",
            description = "Messages per second per chat it allows (default 10).")
    int perChat;

    @Option(names = "--latency-ms", paramLabel = "MS", defaultValue = "5", description = "Time the fake takes per request (default 5).")
    int latencyMs;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "8", description = "Sender threads (default 8).")
    int threads;

    @Option(names = "--planning-only", paramLabel = "N", defaultValue = "0",
            description = "Only time planning, N passes each on a fresh database, and print each and the median.")
    int planningOnly;

    @Option(names = "--json", description = "End with one JSON line of the straight run's figures.")
    boolean json;

    @Option(names = "--work", paramLabel = "DIR", description = "Where the SQLite files go (default: a temp directory).")
    Path work;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (targets < 1 || rate < 1 || perChat < 1 || threads < 1 || threads > 64 || latencyMs < 0 || planningOnly < 0) {
            spec.commandLine().getErr().println("--targets, --rate, --per-chat must be positive; --threads 1-64;"
                    + " --latency-ms and --planning-only 0 or more");
            return 2;
        }
        Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("paperboy-bench-delivery");
        DeliveryBench bench = new DeliveryBench(targets, rate, perChat, Duration.ofMillis(latencyMs), threads, dir);
        if (planningOnly > 0) {
            long[] passes = new long[planningOnly];
            for (int i = 0; i < planningOnly; i++) {
                passes[i] = bench.planningMillis("plan-" + i);
            }
            out.printf("planning %d subscriptions due at one minute, %d passes: %s ms; median of all but the first"
                    + " %d ms%n", targets, planningOnly, java.util.Arrays.toString(passes),
                    median(java.util.Arrays.copyOfRange(passes, Math.min(1, planningOnly - 1), planningOnly)));
            out.flush();
            return 0;
        }
        long cold = bench.planningMillis("plan-cold");
        long warm = bench.planningMillis("plan-warm");
        out.printf("planning %d subscriptions due at one minute: %d ms (first in this JVM), %d ms (second)%n",
                targets, cold, warm);
        out.flush();
        DeliveryBench.Result straight = bench.deliver("straight", DeliveryBench.Interruption.NONE);
        out.println("straight run: " + describe(straight));
        out.flush();
        DeliveryBench.Result stopped = bench.deliver("stopped", DeliveryBench.Interruption.STOP);
        out.println("stopped halfway (SIGTERM) and restarted: " + describe(stopped));
        out.flush();
        DeliveryBench.Result crashed = bench.deliver("crashed", DeliveryBench.Interruption.CRASH);
        out.println("crashed halfway (kill -9) and restarted: " + describe(crashed) + "; at most " + threads
                + " (one a sender thread) can be duplicates");
        out.println("work files: " + dir);
        if (json) {
            out.println(straight.json());
        }
        out.flush();
        return 0;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String describe(DeliveryBench.Result r) {
        return String.format(java.util.Locale.ROOT, "%d messages in %.2f s (floor %.2f s, %.1f%% over), %d rate-limited, "
                        + "%d duplicates, %d lost", r.messages(), r.seconds(), r.floorSeconds(),
                100 * (r.seconds() / r.floorSeconds() - 1), r.rateLimited(), r.duplicates(), r.lost());
    }
}
