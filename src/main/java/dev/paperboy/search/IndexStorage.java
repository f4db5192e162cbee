package dev.paperboy.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Where the search index keeps its one index. The index is opened once and updated in place (only
 * the papers that changed); on disk it survives restarts.
 */
public interface IndexStorage {

    /** The directory of the index, opened once for the life of a {@link LuceneSearchIndex}; created if need be. */
    Directory open() throws IOException;

    /** Whether there may be an index to open, known without creating anything (never, in memory). */
    default boolean mayHoldAnIndex() {
        return true;
    }

    /** The index on the Java heap: built anew by every process; fine for tests and small libraries. */
    static IndexStorage inMemory() {
        return new IndexStorage() {
            @Override
            public Directory open() {
                return new ByteBuffersDirectory();
            }

            @Override
            public boolean mayHoldAnIndex() {
                return false;
            }

            @Override
            public String toString() {
                return "in memory";
            }
        };
    }

    /**
     * The index in {@code directory}, memory-mapped where the platform allows, so it costs page cache
     * rather than heap. Kept between runs; rebuilt when missing, unreadable or of an older format.
     */
    static IndexStorage onDisk(Path directory) {
        return new IndexStorage() {
            @Override
            public Directory open() throws IOException {
                Files.createDirectories(directory);
                return FSDirectory.open(directory);
            }

            @Override
            public boolean mayHoldAnIndex() {
                return Files.isDirectory(directory);
            }

            @Override
            public String toString() {
                return "on disk at " + directory;
            }
        };
    }
}
