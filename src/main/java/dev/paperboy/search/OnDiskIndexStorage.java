package dev.paperboy.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/** Index generations in numbered subdirectories of one root directory. */
final class OnDiskIndexStorage implements IndexStorage {

    private static final String PREFIX = "index-";

    private final Path root;
    private final AtomicLong generation = new AtomicLong();

    OnDiskIndexStorage(Path root) {
        this.root = root;
    }

    @Override
    public Directory create() throws IOException {
        Files.createDirectories(root);
        if (generation.get() == 0) {
            try (Stream<Path> leftovers = Files.list(root)) {
                for (Path old : leftovers.filter(p -> p.getFileName().toString().startsWith(PREFIX)).toList()) {
                    deleteTree(old);
                }
            }
        }
        Path dir = root.resolve(PREFIX + generation.incrementAndGet());
        deleteTree(dir);
        return FSDirectory.open(dir);
    }

    @Override
    public void discard(Directory directory) throws IOException {
        Path dir = directory instanceof FSDirectory fs ? fs.getDirectory() : null;
        directory.close();
        if (dir != null) {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public String toString() {
        return "on disk at " + root;
    }
}
