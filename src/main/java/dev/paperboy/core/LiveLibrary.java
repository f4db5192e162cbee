package dev.paperboy.core;

import dev.paperboy.core.render.PlainText;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library that is being served, and the one way to change it: {@link #reload()}, which reads all
 * content off to the side and swaps the snapshot only when every file is valid.
 */
public final class LiveLibrary {

    private static final Logger LOG = LoggerFactory.getLogger(LiveLibrary.class);

    private final ContentSource source;
    private final List<LibraryListener> listeners;
    private final AtomicReference<Library> current = new AtomicReference<>(Library.empty());
    private final ReentrantLock reloadLock = new ReentrantLock();
    private final Clock clock;
    private volatile ReloadRecord lastReload;

    /** When a reload ran and how it ended, for {@code status}. */
    public record ReloadRecord(Instant at, ReloadResult result) {
    }

    public LiveLibrary(ContentSource source, List<LibraryListener> listeners, Clock clock) {
        this.source = source;
        this.listeners = List.copyOf(listeners);
        this.clock = clock;
    }

    /** The last reload, successful or not; empty before the first. */
    public Optional<ReloadRecord> lastReload() {
        return Optional.ofNullable(lastReload);
    }

    /** The snapshot to use for one request. */
    public Library current() {
        return current.get();
    }

    public String describeSource() {
        return source.describe();
    }

    /** Reloads all content; concurrent calls run one after the other. */
    public ReloadResult reload() {
        reloadLock.lock();
        try {
            ReloadResult result = reloadLocked();
            lastReload = new ReloadRecord(clock.instant(), result);
            return result;
        } finally {
            reloadLock.unlock();
        }
    }

    private ReloadResult reloadLocked() {
        Library old = current.get();
        ContentLoad load;
        try {
            load = source.load();
        } catch (RuntimeException e) {
            LOG.error("Reload refused: reading {} failed", source.describe(), e);
            return refused(old, List.of(new ContentProblem(source.describe(), 0,
                    "could not read the content (" + e + "); see the log")));
        }
        if (!load.ok()) {
            LOG.warn("Reload refused, {} in {}; the previous content keeps serving",
                    PlainText.count(load.problems().size(), "problem"), source.describe());
            load.problems().forEach(p -> LOG.warn("  {}", p));
            return refused(old, load.problems());
        }
        Library next = Library.of(load.digests(), load.loosePapers()).withContentVersion(load.version());
        List<String> warnings = new ArrayList<>();
        for (LibraryListener listener : listeners) {
            try {
                warnings.addAll(listener.libraryChanging(next));
            } catch (Exception e) {
                LOG.error("Reload refused: could not prepare {}", listener, e);
                return refused(old, List.of(new ContentProblem(source.describe(), 0,
                        "could not update the search index (" + e.getMessage() + "); see the log")));
            }
        }
        next.loosePapers().copiesNote().ifPresent(warnings::add);
        current.set(next);
        LibraryChanges changes = next.changesSince(old);
        LOG.info("Content reloaded from {}: {} digests, {} papers; {}", source.describe(),
                next.digests().size(), next.paperCount(), changes.summary());
        return new ReloadResult(true, changes, List.of(), warnings, next.digests().size(), next.paperCount());
    }

    private static ReloadResult refused(Library old, List<ContentProblem> problems) {
        return new ReloadResult(false, new LibraryChanges(0, 0, 0, 0, 0, 0), problems, List.of(), old.digests().size(),
                old.paperCount());
    }
}
