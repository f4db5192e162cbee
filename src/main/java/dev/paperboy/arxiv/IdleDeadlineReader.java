package dev.paperboy.arxiv;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads a response body that must keep coming: the HTTP client's request timeout ends once the headers have
 * arrived, so a body that stalls midway would block its reader for good (and with it every later fetch). Here,
 * when no byte arrives for the idle time, the body is closed and the read fails.
 */
final class IdleDeadlineReader {

    /** One daemon thread for every alarm; an alarm only closes a stream, so it never waits. */
    private static final ScheduledThreadPoolExecutor ALARMS = alarms();

    private IdleDeadlineReader() {
    }

    private static ScheduledThreadPoolExecutor alarms() {
        ScheduledThreadPoolExecutor alarms = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "arxiv-read-deadline");
            thread.setDaemon(true);
            return thread;
        });
        alarms.setRemoveOnCancelPolicy(true);
        return alarms;
    }

    /**
     * The body, read to at most one byte over {@code limit} (so that the caller can tell it was longer), then
     * closed; throws when it ends in a failure or sends nothing for {@code idle}.
     */
    static byte[] readUpTo(InputStream body, int limit, Duration idle) throws IOException {
        AtomicBoolean stalled = new AtomicBoolean();
        ByteArrayOutputStream read = new ByteArrayOutputStream(Math.min(limit + 1, 64 << 10));
        byte[] chunk = new byte[64 << 10];
        try (body) {
            while (read.size() <= limit) {
                ScheduledFuture<?> alarm = ALARMS.schedule(() -> {
                    stalled.set(true);
                    closeQuietly(body);
                }, idle.toNanos(), TimeUnit.NANOSECONDS);
                int count;
                try {
                    count = body.read(chunk, 0, Math.min(chunk.length, limit + 1 - read.size()));
                } catch (IOException e) {
                    throw stalled.get() ? stalled(idle) : e;
                } finally {
                    alarm.cancel(false);
                }
                // a read that the alarm's close woke may end as if the body were complete
                if (stalled.get()) {
                    throw stalled(idle);
                }
                if (count < 0) {
                    break;
                }
                read.write(chunk, 0, count);
            }
        }
        return read.toByteArray();
    }

    private static IOException stalled(Duration idle) {
        return new IOException("the answer stalled: nothing came for " + seconds(idle) + ", so it was given up");
    }

    private static String seconds(Duration idle) {
        return idle.toMillis() < 1000 ? idle.toMillis() + " ms" : idle.toSeconds() + " s";
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // the reader fails either way, as stalled
        }
    }
}
