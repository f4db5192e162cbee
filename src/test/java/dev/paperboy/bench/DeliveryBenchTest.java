package dev.paperboy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.bench.DeliveryBench.Interruption;
import dev.paperboy.bench.DeliveryBench.Result;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The delivery benchmark on a few targets: what it counts, not how fast (that is for the real run). */
class DeliveryBenchTest {

    static final int THREADS = 4;

    @TempDir
    Path dir;

    private DeliveryBench bench() {
        return new DeliveryBench(40, 200, 10, Duration.ofMillis(2), THREADS, dir);
    }

    @Test
    void aStraightRunAndAGracefulStopDeliverEveryMessageOnce() throws Exception {
        for (Interruption interruption : new Interruption[] {Interruption.NONE, Interruption.STOP}) {
            Result result = bench().deliver(interruption.name(), interruption);

            assertThat(result.messages()).as(interruption.name()).isEqualTo(40);
            assertThat(result.duplicates()).as(interruption.name()).isZero();
            assertThat(result.lost()).as(interruption.name()).isZero();
            assertThat(result.json()).startsWith("{\"targets\":40,\"messages\":40,\"seconds\":")
                    .endsWith(",\"duplicates\":0,\"lost\":0}");
        }
    }

    @Test
    void aCrashLosesNothingAndRepeatsAtMostTheSendsOnTheirWay() throws Exception {
        Result result = bench().deliver("crash", Interruption.CRASH);

        assertThat(result.lost()).isZero();
        assertThat(result.duplicates()).isLessThanOrEqualTo(THREADS);
    }

    @Test
    void timesAPlanningPassThatPlansEverySubscription() {
        assertThat(bench().planningMillis("plan")).isNotNegative();

        try (var store = dev.paperboy.store.JdbcDeliveryStore.open(dev.paperboy.store.Database.sqlite(dir.resolve("plan")))) {
            assertThat(store.waitingCount()).as("one message planned for each of the 40 targets").isEqualTo(40);
        }
    }
}
