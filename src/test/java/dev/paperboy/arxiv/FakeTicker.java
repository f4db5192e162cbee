package dev.paperboy.arxiv;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Time that passes only when someone sleeps, so pacing and back-off are tested without waiting. */
final class FakeTicker implements Ticker {

    private long now = 1_000_000_000L;
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        now += duration.toNanos();
    }

    synchronized void advance(Duration duration) {
        now += duration.toNanos();
    }

    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
