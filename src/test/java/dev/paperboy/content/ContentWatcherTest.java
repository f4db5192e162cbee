package dev.paperboy.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentWatcherTest {

    @TempDir
    Path dir;

    @Test
    void aBurstOfChangesCallsBackOnceAfterTheQuietPeriod() throws Exception {
        Semaphore calls = new Semaphore(0);
        try (ContentWatcher watcher = new ContentWatcher(dir, calls::release, Duration.ofMillis(300))) {
            watcher.start();
            Files.writeString(dir.resolve("a.txt"), "one");
            Files.writeString(dir.resolve("b.txt"), "two");
            Files.writeString(dir.resolve("a.txt"), "three");
            // The JDK's polling watch service on some systems notices changes only every few seconds.
            assertThat(calls.tryAcquire(15, TimeUnit.SECONDS)).isTrue();
            assertThat(calls.tryAcquire(1, TimeUnit.SECONDS)).isFalse();
        }
    }

    @Test
    void filesInNewSubdirectoriesAreWatchedToo() throws Exception {
        Semaphore calls = new Semaphore(0);
        try (ContentWatcher watcher = new ContentWatcher(dir, calls::release, Duration.ofMillis(200))) {
            watcher.start();
            Path sub = Files.createDirectory(dir.resolve("sub"));
            assertThat(calls.tryAcquire(15, TimeUnit.SECONDS)).isTrue();
            Files.writeString(sub.resolve("c.txt"), "x");
            assertThat(calls.tryAcquire(15, TimeUnit.SECONDS)).isTrue();
        }
    }
}
