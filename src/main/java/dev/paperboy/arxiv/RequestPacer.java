package dev.paperboy.arxiv;

import java.time.Duration;
import java.util.Objects;

/**
 * Spaces requests out: arXiv asks API clients for at most one request every three seconds, and the
 * listing feeds are served by the same people, so every request to either waits its turn here.
 */
public final class RequestPacer {

    private final Duration interval;
    private final Ticker ticker;
    private long lastRequest;
    private boolean any;

    public RequestPacer(Duration interval, Ticker ticker) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("interval must not be negative: " + interval);
        }
        this.interval = interval;
        this.ticker = Objects.requireNonNull(ticker, "ticker");
    }

    /** Blocks until a request may be sent, and counts that request as sent now. */
    public synchronized void awaitTurn() throws InterruptedException {
        if (any) {
            long wait = interval.toNanos() - (ticker.nanoTime() - lastRequest);
            if (wait > 0) {
                ticker.sleep(Duration.ofNanos(wait));
            }
        }
        lastRequest = ticker.nanoTime();
        any = true;
    }
}
