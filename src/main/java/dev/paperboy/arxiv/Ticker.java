package dev.paperboy.arxiv;

import java.time.Duration;

/** A monotonic clock and a way to wait, so that tests of pacing and back-off need not wait for real. */
public interface Ticker {

    long nanoTime();

    void sleep(Duration duration) throws InterruptedException;

    /** The real thing: {@link System#nanoTime()} and {@link Thread#sleep}. */
    static Ticker system() {
        return new Ticker() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                if (!duration.isNegative() && !duration.isZero()) {
                    Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
                }
            }
        };
    }
}
