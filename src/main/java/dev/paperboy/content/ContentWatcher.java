package dev.paperboy.content;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the content directory (and its subdirectories) and calls back once the files have been
 * quiet for a moment, so that saving several files in an editor causes one reload, not many.
 */
public final class ContentWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ContentWatcher.class);

    private final Path directory;
    private final Runnable onChange;
    private final Duration quietPeriod;
    private final WatchService watcher;
    private final Thread thread;

    public ContentWatcher(Path directory, Runnable onChange, Duration quietPeriod) throws IOException {
        this.directory = directory;
        this.onChange = onChange;
        this.quietPeriod = quietPeriod;
        this.watcher = FileSystems.getDefault().newWatchService();
        registerTree(directory);
        this.thread = new Thread(this::loop, "content-watcher");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
        LOG.info("Watching {} for changes", directory);
    }

    private void loop() {
        try {
            while (true) {
                WatchKey first = watcher.take();
                boolean changed = drain(first);
                // Keep collecting until the directory has been quiet for the whole period.
                WatchKey next;
                while ((next = watcher.poll(quietPeriod.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    changed |= drain(next);
                }
                if (changed) {
                    try {
                        onChange.run();
                    } catch (RuntimeException e) {
                        LOG.error("Reload after a content change failed", e);
                    }
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean drain(WatchKey key) {
        boolean changed = false;
        for (var event : key.pollEvents()) {
            changed = true;
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && key.watchable() instanceof Path parent
                    && event.context() instanceof Path name && Files.isDirectory(parent.resolve(name))) {
                try {
                    registerTree(parent.resolve(name));
                } catch (IOException e) {
                    LOG.warn("Cannot watch new directory {}: {}", parent.resolve(name), e.getMessage());
                }
            }
        }
        key.reset();
        return changed;
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        thread.interrupt();
    }
}
