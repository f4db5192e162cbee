package dev.paperboy.search;

import dev.paperboy.core.LibraryPaper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds many papers to the index on several threads, each with an index writer of its own that writes a
 * contiguous run of the papers into a part of its own; the parts' segments are then copied into the index.
 * One shared writer would spread each thread's papers over its per-thread buffers in whatever order the
 * threads come, so each buffer would have to be sorted into the index order when written, and one thread
 * would write them all; here each part is written in order by the thread that filled it.
 *
 * <p>Parts of an index on disk are written beside it, in {@code NAME.build-*} directories that are removed
 * when the build ends (and, left over from a process that died, by the next build in parts).
 */
final class PartedBuild {

    private static final Logger LOG = LoggerFactory.getLogger(PartedBuild.class);

    private PartedBuild() {
    }

    /**
     * Adds {@code papers}, given in the index order, with {@code threads} threads (at least two). The
     * writers of the parts are configured by {@code partConfig}, whose RAM buffer is the parts' to share.
     * When one part fails the others stop at their next paper, and nothing is added. Returns why each paper
     * Lucene refused was left out ({@link PaperDocuments#add}).
     */
    static List<String> addAll(IndexWriter writer, Directory directory, List<LibraryPaper> papers, int threads,
                      Supplier<IndexWriterConfig> partConfig) throws IOException {
        Path root = scratchRoot(directory);
        List<Directory> parts = new ArrayList<>();
        try {
            AtomicBoolean stop = new AtomicBoolean();
            List<String> refused = Collections.synchronizedList(new ArrayList<>());
            Throwable[] failures = new Throwable[threads];
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                parts.add(root == null ? new ByteBuffersDirectory() : FSDirectory.open(root.resolve("part-" + t)));
            }
            for (int t = 0; t < threads; t++) {
                Directory part = parts.get(t);
                List<LibraryPaper> run = papers.subList(papers.size() * t / threads, papers.size() * (t + 1) / threads);
                // the index merges the parts' segments as it needs; merged here first, they would be merged twice
                // and a part that stops early is dropped, not committed
                IndexWriterConfig config = partConfig.get().setMergePolicy(NoMergePolicy.INSTANCE)
                        .setCommitOnClose(false);
                config.setRAMBufferSizeMB(Math.max(16, config.getRAMBufferSizeMB() / threads));
                int index = t;
                Thread worker = new Thread(() -> {
                    try {
                        writePart(part, config, run, stop, refused);
                    } catch (Throwable e) {
                        failures[index] = e;
                        stop.set(true);
                    }
                }, "search-index-build-" + t);
                worker.setDaemon(true);
                workers.add(worker);
            }
            startAndAwait(workers, stop);
            throwFirst(failures);
            writer.addIndexes(parts.toArray(new Directory[0]));
            return List.copyOf(refused);
        } finally {
            IOUtils.closeWhileHandlingException(parts);
            if (root != null) {
                try {
                    IOUtils.rm(root);
                } catch (IOException e) {
                    LOG.warn("Could not remove {}, where the search index was built in parts ({}); the next build"
                            + " removes it", root, e.toString());
                }
            }
        }
    }

    private static void writePart(Directory part, IndexWriterConfig config, List<LibraryPaper> papers,
                                  AtomicBoolean stop, List<String> refused) throws IOException {
        try (IndexWriter partWriter = new IndexWriter(part, config.setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
            for (LibraryPaper paper : papers) {
                if (stop.get()) {
                    return;
                }
                PaperDocuments.add(partWriter, paper).ifPresent(refused::add);
            }
            partWriter.commit();
        }
    }

    /**
     * Starts the workers and waits until every one that started has ended, so that no part is written while
     * it is removed, even when this thread is interrupted (the workers are then told to stop) or a worker
     * cannot start.
     */
    private static void startAndAwait(List<Thread> workers, AtomicBoolean stop) throws InterruptedIOException {
        boolean interrupted = false;
        try {
            workers.forEach(Thread::start);
        } catch (RuntimeException | Error e) {
            stop.set(true);
            throw e;
        } finally {
            for (Thread worker : workers) {
                while (worker.isAlive()) {
                    try {
                        worker.join();
                    } catch (InterruptedException e) {
                        interrupted = true;
                        stop.set(true);
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (interrupted) {
            throw new InterruptedIOException("interrupted while building the search index");
        }
    }

    /** Throws the first failure of a part, with the others suppressed by it. */
    private static void throwFirst(Throwable[] failures) throws IOException {
        Throwable first = null;
        for (Throwable failure : failures) {
            if (failure != null && first == null) {
                first = failure;
            } else if (failure != null) {
                first.addSuppressed(failure);
            }
        }
        if (first instanceof IOException io) {
            throw io;
        }
        if (first instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (first instanceof Error error) {
            throw error;
        }
        if (first != null) {
            throw new IOException("could not build the search index", first);
        }
    }

    /** A new directory for the parts beside an index on disk, after removing any left over; null in memory. */
    private static Path scratchRoot(Directory directory) throws IOException {
        if (!(FilterDirectory.unwrap(directory) instanceof FSDirectory fs)) {
            return null;
        }
        Path index = fs.getDirectory().toAbsolutePath();
        String prefix = index.getFileName() + ".build-";
        // the caller holds the index's write lock, so no other process is building into these
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(index.getParent(), prefix + "*")) {
            for (Path leftover : leftovers) {
                try {
                    IOUtils.rm(leftover);
                } catch (IOException e) {
                    LOG.warn("Could not remove {}, left over from an earlier build of the search index ({}); remove"
                            + " it by hand", leftover, e.toString());
                }
            }
        }
        return Files.createTempDirectory(index.getParent(), prefix);
    }
}
