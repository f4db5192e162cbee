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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
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
 * Adds many papers to the index on several threads, each with an index writer of its own that writes its
 * share of the papers into a part of its own; the parts' segments are then copied into the index. Papers
 * come one at a time, as they are read, and go to the threads in batches, in turn; so the papers are never
 * all in memory at once. (One shared writer would also use every thread, but the thread that flushes a
 * segment also sorts it; here each part is sorted and written by the thread that filled it.)
 *
 * <p>Parts of an index on disk are written beside it, in {@code NAME.build-*} directories that are removed
 * when the build ends (and, left over from a process that died, by the next build in parts).
 */
final class PartedBuild implements PaperSink {

    private static final Logger LOG = LoggerFactory.getLogger(PartedBuild.class);
    /** Papers handed to a thread at once, and batches waiting for each thread at most. */
    private static final int BATCH = 256;
    private static final int WAITING = 4;
    private static final List<LibraryPaper> END = List.of();

    private final IndexWriter writer;
    private final Path root;
    private final List<Directory> parts = new ArrayList<>();
    private final List<BlockingQueue<List<LibraryPaper>>> queues = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private final Throwable[] failures;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<PaperDocuments.Refusal> refused = Collections.synchronizedList(new ArrayList<>());
    private List<LibraryPaper> batch = new ArrayList<>(BATCH);
    private int turn;
    private boolean finished;

    private PartedBuild(IndexWriter writer, Path root, int threads) {
        this.writer = writer;
        this.root = root;
        this.failures = new Throwable[threads];
    }

    /**
     * Starts {@code threads} threads (at least two), each writing a part configured by {@code partConfig},
     * whose RAM buffer the parts share. Close the build in any case: unless {@link #finish} ended it, that
     * stops the threads and adds nothing.
     */
    static PartedBuild start(IndexWriter writer, Directory directory, int threads,
                             Supplier<IndexWriterConfig> partConfig) throws IOException {
        PartedBuild build = new PartedBuild(writer, scratchRoot(directory), threads);
        try {
            for (int t = 0; t < threads; t++) {
                build.parts.add(build.root == null ? new ByteBuffersDirectory()
                        : FSDirectory.open(build.root.resolve("part-" + t)));
                build.queues.add(new ArrayBlockingQueue<>(WAITING));
            }
            for (int t = 0; t < threads; t++) {
                // the index merges the parts' segments as it needs; merged here first, they would be merged twice
                // and a part that stops early is dropped, not committed
                IndexWriterConfig config = partConfig.get().setMergePolicy(NoMergePolicy.INSTANCE)
                        .setCommitOnClose(false);
                config.setRAMBufferSizeMB(Math.max(16, config.getRAMBufferSizeMB() / threads));
                int index = t;
                Thread worker = new Thread(() -> {
                    try {
                        build.writePart(build.parts.get(index), config, build.queues.get(index));
                    } catch (Throwable e) {
                        build.failures[index] = e;
                        build.stop.set(true);
                    }
                }, "search-index-build-" + t);
                worker.setDaemon(true);
                build.workers.add(worker);
                worker.start();
            }
        } catch (IOException | RuntimeException | Error e) {
            build.close();
            throw e;
        }
        return build;
    }

    @Override
    public void add(LibraryPaper paper) throws IOException {
        batch.add(paper);
        if (batch.size() == BATCH) {
            hand(queues.get(turn++ % queues.size()), batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /** Waits for every part to be written and copies them into the index; returns why papers were refused. */
    @Override
    public List<PaperDocuments.Refusal> finish() throws IOException {
        if (!batch.isEmpty()) {
            hand(queues.get(turn++ % queues.size()), batch);
            batch = new ArrayList<>(BATCH);
        }
        for (BlockingQueue<List<LibraryPaper>> queue : queues) {
            hand(queue, END);
        }
        awaitWorkers();
        throwFirst(failures);
        writer.addIndexes(parts.toArray(new Directory[0]));
        finished = true;
        return List.copyOf(refused);
    }

    /** Stops the threads if the build did not finish, and removes the parts. */
    @Override
    public void close() {
        if (!finished) {
            stop.set(true);
        }
        try {
            awaitWorkers();
        } catch (InterruptedIOException e) {
            LOG.warn("Interrupted while stopping the search index's build threads");
        }
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

    /** Queues a batch for one thread, waiting while it is busy; throws as soon as any part failed. */
    private void hand(BlockingQueue<List<LibraryPaper>> queue, List<LibraryPaper> papers) throws IOException {
        try {
            while (!stop.get()) {
                if (queue.offer(papers, 50, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            stop.set(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while building the search index");
        }
        throwFirst(failures);
        throw new IOException("the build of the search index was stopped");
    }

    private void writePart(Directory part, IndexWriterConfig config, BlockingQueue<List<LibraryPaper>> queue)
            throws IOException, InterruptedException {
        try (IndexWriter partWriter = new IndexWriter(part, config.setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
            while (!stop.get()) {
                List<LibraryPaper> papers = queue.poll(50, TimeUnit.MILLISECONDS);
                if (papers == END) {
                    partWriter.commit();
                    return;
                }
                for (LibraryPaper paper : papers == null ? END : papers) {
                    PaperDocuments.add(partWriter, paper).ifPresent(refused::add);
                }
            }
        }
    }

    /**
     * Waits until every thread has ended, so that no part is written while it is removed, even when this
     * thread is interrupted (the threads are then told to stop).
     */
    private void awaitWorkers() throws InterruptedIOException {
        boolean interrupted = false;
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
