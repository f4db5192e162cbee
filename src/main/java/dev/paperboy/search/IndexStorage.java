package dev.paperboy.search;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * Where the search index keeps its files. Every rebuild gets a fresh, empty directory, and the old
 * one is handed back once no search uses it any more.
 */
public interface IndexStorage {

    /** A new empty directory for one complete build of the index. */
    Directory create() throws IOException;

    /** Releases a directory that no reader uses any more: closes it and frees what it holds. */
    void discard(Directory directory) throws IOException;

    /** The index on the Java heap: fast to build, gone on exit; fine for tests and libraries of modest size. */
    static IndexStorage inMemory() {
        return new IndexStorage() {
            @Override
            public Directory create() {
                return new ByteBuffersDirectory();
            }

            @Override
            public void discard(Directory directory) throws IOException {
                directory.close();
            }

            @Override
            public String toString() {
                return "in memory";
            }
        };
    }

    /**
     * The index in numbered subdirectories of {@code root}, memory-mapped where the platform allows.
     * Subdirectories left behind by an earlier run are deleted when the first build starts.
     */
    static IndexStorage onDisk(Path root) {
        return new OnDiskIndexStorage(root);
    }
}
