package dev.paperboy.search;

import dev.paperboy.core.Library;
import dev.paperboy.core.LibraryPaper;
import dev.paperboy.core.SearchIndex;
import dev.paperboy.core.SearchPage;
import dev.paperboy.core.SearchRequest;
import dev.paperboy.core.StatusContributor;
import dev.paperboy.core.command.TypedText;
import dev.paperboy.core.render.Shortlist;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search port on Lucene. Each library snapshot is written into the index and committed before it is
 * searched; hits are resolved against the snapshot the searched commit was built from (a digest's paper from
 * the library, a loose paper from the copy that commit stores), so a search never mixes two snapshots, and a
 * search running during a swap finishes on the old index.
 *
 * <p>What users can type: words (every word must match, in title, authors, abstract, topics or
 * comment, title matches counting most); {@code "a phrase"}; {@code -word} and {@code -"a phrase"}
 * to exclude; {@code OR} between alternatives ({@code gan OR diffusion images}); the fields
 * {@code au:}/{@code author:}, {@code ti:}/{@code title:}, {@code abs:}, {@code topic:},
 * {@code cat:} ({@code cat:cs.CV}, or {@code cat:cs} for all of cs), {@code id:} (any version),
 * {@code after:} (on or after), {@code before:} (strictly before) and {@code date:}, each date a year,
 * month or day ({@code date:2025-06}); a field value may be quoted ({@code au:"Yann LeCun"}), and initials
 * in {@code au:} stand for any name with that letter ({@code au:"Y. LeCun"});
 * {@code sort:date} for newest first. Anything else is read as words. A query without anything
 * to find (only exclusions, only stop words) finds nothing. When a query finds nothing and has
 * words no paper contains, the corrected query is run and reported in
 * {@link SearchPage#correctedQuery()}.
 *
 * <p>There is one index, updated in place: each update writes only new and changed papers and deletes
 * removed ones, commits, and then swaps the searcher. On disk ({@link IndexStorage#onDisk}) it is
 * kept between runs and rebuilt when missing or of another {@link #FORMAT}. Each commit records the
 * version of the content it was built from, so that a new process can serve a current index before it
 * reads the content ({@link #serveIfCurrent}), from the papers stored in it.
 */
public final class LuceneSearchIndex implements SearchIndex, StatusContributor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LuceneSearchIndex.class);

    /** Newest first, papers without a day last. */
    static final SortField NEWEST = newestFirst();
    /**
     * The order of documents in the index: newest first, so that ties in score go to newer papers, then by
     * key, so that the order (and so the order of ties) does not depend on the order papers were written in.
     */
    static final Sort INDEX_ORDER = new Sort(NEWEST, new SortField(PaperFields.KEY, SortField.Type.STRING));
    /** How papers are scored, shared by every generation; norms are written with it. */
    static final PaperSimilarity SIMILARITY = new PaperSimilarity();
    /** Papers worth another thread when many are written at once, up to {@code buildThreads}. */
    private static final int PAPERS_PER_THREAD = 5_000;
    /**
     * The segments a fresh index is merged down to at most. Two answer as fast as one (same-run bench at 88k
     * papers: topic throughput and every quality figure unchanged), and a build in two parts, the usual one on two
     * cores, then needs no merge at all: merging to one took a sixth of an import.
     */
    static final int FRESH_SEGMENTS = 2;
    /** Lines of refusals a reload reports at most; past this, the last one counts the rest. */
    static final int MAX_WARNINGS = 5;

    /** Written into every commit; an index of another format is rebuilt from scratch. */
    static final String FORMAT = "paperboy-search-21";
    static final String FORMAT_KEY = "paperboy.format";
    /** The {@link Library#contentVersion()} the committed index was built from, when known. */
    static final String CONTENT_KEY = "paperboy.content";

    private final IndexStorage storage;
    private final int buildThreads;
    private final Analyzer indexAnalyzer = PaperAnalyzers.perField();
    private final PaperSearcher searcher = new PaperSearcher();
    private final AtomicReference<IndexGeneration> current = new AtomicReference<>();
    private final ReentrantLock buildLock = new ReentrantLock();
    private Directory directory;
    private IndexWriter writer;
    private volatile IndexUpdate lastUpdate;
    /**
     * The papers the index holds no document for because Lucene refused them, by key hash, as of the last
     * update: an unchanged one is not tried again (it would make every update read the dumps again).
     */
    private Map<Long, PaperDocuments.Refusal> refused = Map.of();
    private volatile boolean closed;

    /**
     * What one update of the index did: papers written anew, rewritten, deleted; whether it rebuilt all; and
     * how many papers of the library Lucene refused, now or before, which are left out of search.
     */
    public record IndexUpdate(int added, int changed, int deleted, boolean rebuilt, long millis, int refused) {
    }

    /** An index held in memory, built with as many threads as there are processors (at most 4). */
    public LuceneSearchIndex() {
        this(IndexStorage.inMemory());
    }

    /** An index kept where {@code storage} says, for example {@link IndexStorage#onDisk}. */
    public LuceneSearchIndex(IndexStorage storage) {
        this(storage, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** An index kept where {@code storage} says, built with up to {@code buildThreads} threads. */
    public LuceneSearchIndex(IndexStorage storage, int buildThreads) {
        this.storage = Objects.requireNonNull(storage, "storage");
        if (buildThreads < 1) {
            throw new IllegalArgumentException("build threads must be 1 or more: " + buildThreads);
        }
        this.buildThreads = buildThreads;
    }

    /**
     * Brings the index in line with {@code next}, writing only the papers that are new or changed and
     * deleting the ones that are gone, commits, and only then serves it: a search sees the old index or
     * the new one, never a half-updated one. Updates run one at a time; if one fails, its changes are
     * rolled back, the previous index keeps serving and the exception refuses the reload. Returns, for
     * whoever reloaded, which papers are left out of search and why ({@link #MAX_WARNINGS} at most).
     */
    @Override
    public List<String> libraryChanging(Library next) throws IOException {
        buildLock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the search index is closed");
            }
            long started = System.nanoTime();
            boolean rebuilt = openWriter();
            IndexUpdatePass.Outcome outcome;
            try {
                outcome = update(next);
            } catch (IOException | RuntimeException | Error e) {
                // an Error too (a part thread out of memory): closing would commit the pending deletes
                rollback(e);
                throw e;
            }
            IndexGeneration old = current.get();
            // a generation served from disk before the first update has a directory of its own
            boolean reusable = old != null && old.reader().directory() == directory;
            DirectoryReader reader = reusable ? DirectoryReader.openIfChanged(old.reader()) : null;
            if (reader == null && reusable) {
                old.reader().incRef();
                reader = old.reader();
            } else if (reader == null) {
                reader = DirectoryReader.open(directory);
            }
            current.set(IndexGeneration.of(reader, next));
            if (old != null) {
                old.release();
            }
            refused = outcome.refused();
            lastUpdate = new IndexUpdate(outcome.added(), outcome.changed(), outcome.deleted(),
                    rebuilt || outcome.fromEmpty(), (System.nanoTime() - started) / 1_000_000, refused.size());
            LOG.info("Search index updated for {} papers: {} added, {} changed, {} deleted{}{} in {} ms ({})",
                    next.paperCount(), outcome.added(), outcome.changed(), outcome.deleted(),
                    refused.isEmpty() ? "" : ", " + refused.size() + " left out (the log names each)",
                    lastUpdate.rebuilt() ? " (built anew)" : "", lastUpdate.millis(), storage);
            return warnings(refused.values());
        } finally {
            buildLock.unlock();
        }
    }

    /**
     * Serves the index kept on disk before any library is read, when it was built from content of exactly
     * this version ({@link Library#contentVersion()}): a new process then answers at once, with the papers
     * stored in the index, and the first {@link #libraryChanging} takes over as usual. True when it now
     * serves; false, serving nothing yet, when there is no such index (or it cannot be read: the first
     * update rebuilds it).
     */
    public boolean serveIfCurrent(String contentVersion) {
        Objects.requireNonNull(contentVersion, "contentVersion");
        buildLock.lock();
        Directory served = null;
        try {
            if (closed || current.get() != null || !storage.mayHoldAnIndex()) {
                return false; // looking must not create the index's directory
            }
            served = storage.open();
            if (served instanceof ByteBuffersDirectory || !DirectoryReader.indexExists(served)) {
                served.close();
                return false;
            }
            DirectoryReader reader = DirectoryReader.open(served);
            Map<String, String> data = reader.getIndexCommit().getUserData();
            if (!FORMAT.equals(data.get(FORMAT_KEY)) || !contentVersion.equals(data.get(CONTENT_KEY))) {
                reader.close();
                served.close();
                return false;
            }
            try {
                current.set(IndexGeneration.stored(reader, served));
            } catch (IOException | RuntimeException e) {
                reader.close();
                throw e;
            }
            LOG.info("Search serves the index {} as built for the current content ({} papers)", storage,
                    reader.numDocs());
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not serve the search index {} before reading the content ({}); it is brought up to"
                    + " date once the content is read", storage, e.toString());
            if (served != null) {
                try {
                    served.close();
                } catch (IOException closing) {
                    e.addSuppressed(closing);
                }
            }
            return false;
        } finally {
            buildLock.unlock();
        }
    }

    /** The day (epoch day) the recency factor counts from in the generation now served; 0 before the first. */
    long newestDay() {
        IndexGeneration generation = current.get();
        return generation == null ? 0 : generation.newestDay();
    }

    /** For {@code /status}: how many papers can be found, and any the last update had to leave out. */
    @Override
    public List<String> statusLines() {
        IndexGeneration generation = acquire();
        if (generation == null) {
            return List.of("Search: no index yet");
        }
        try {
            IndexUpdate update = lastUpdate;
            int numDocs = generation.reader().numDocs();
            return List.of("Search: " + numDocs + (numDocs == 1 ? " paper" : " papers") + " indexed"
                    + (update != null && update.refused() > 0 ? "; " + update.refused() + " left out by the last"
                    + " update (a value too long for the index: the log names the papers)" : ""));
        } finally {
            generation.release();
        }
    }

    /** What the last successful update did; null before the first. */
    public IndexUpdate lastUpdate() {
        return lastUpdate;
    }

    /** Opens the writer when there is none; true when an existing index had to be discarded. */
    private boolean openWriter() throws IOException {
        if (writer != null) {
            return false;
        }
        if (directory == null) {
            directory = storage.open();
            if (!(directory instanceof ByteBuffersDirectory) && lockedByAnotherProcess(directory)) {
                // a command run beside the bot on the same data directory: index in memory instead
                LOG.info("The search index in {} is in use by another Paperboy process; this one indexes in memory",
                        storage);
                directory.close();
                directory = new ByteBuffersDirectory();
            }
        }
        boolean exists = DirectoryReader.indexExists(directory);
        boolean usable = exists && FORMAT.equals(formatOf(directory));
        if (usable) {
            try {
                writer = new IndexWriter(directory, writerConfig(IndexWriterConfig.OpenMode.APPEND));
                return false;
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("The search index in {} cannot be opened ({}); building it anew", storage, e.toString());
            }
        } else if (exists) {
            LOG.info("The search index in {} is of another format; building it anew", storage);
        }
        try {
            writer = new IndexWriter(directory, writerConfig(IndexWriterConfig.OpenMode.CREATE));
        } catch (IOException | IllegalArgumentException e) {
            // even creating reads the old commit; one that cannot be read is derived data: remove it
            LOG.warn("Removing the unreadable search index in {} ({})", storage, e.toString());
            for (String file : directory.listAll()) {
                directory.deleteFile(file);
            }
            writer = new IndexWriter(directory, writerConfig(IndexWriterConfig.OpenMode.CREATE));
        }
        return exists;
    }

    private IndexWriterConfig writerConfig(IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig(indexAnalyzer).setOpenMode(mode).setRAMBufferSizeMB(ramBufferMb())
                .setIndexSort(INDEX_ORDER).setSimilarity(SIMILARITY);
    }

    /**
     * A quarter of the heap, at most 1 GB: a big buffer flushes few segments, so a build merges little
     * (88,000 papers fit in one segment a thread).
     */
    static double ramBufferMb() {
        long quarter = Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024);
        return Math.max(16, Math.min(1024, quarter));
    }

    private static boolean lockedByAnotherProcess(Directory directory) throws IOException {
        try (Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            return false;
        } catch (LockObtainFailedException e) {
            return true;
        }
    }

    private static String formatOf(Directory directory) {
        try {
            return SegmentInfos.readLatestCommit(directory).getUserData().get(FORMAT_KEY);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The refusals as a reload reports them: the first few, then how many more the log has. */
    private static List<String> warnings(Collection<PaperDocuments.Refusal> refused) {
        return Shortlist.of(refused.stream().map(PaperDocuments.Refusal::why).sorted().toList(), MAX_WARNINGS,
                more -> "…and " + more + " more papers are left out of search (the log names each); fix them in"
                        + " the content");
    }

    /** Writes the differences ({@link IndexUpdatePass}) and commits. */
    private IndexUpdatePass.Outcome update(Library next) throws IOException {
        IndexUpdatePass.Outcome outcome = IndexUpdatePass.run(writer, next, refused, due -> {
            int threads = Math.min(buildThreads, 1 + due / PAPERS_PER_THREAD);
            return threads > 1 ? PartedBuild.start(writer, directory, threads,
                    () -> writerConfig(IndexWriterConfig.OpenMode.CREATE)) : PaperSink.into(writer);
        });
        if (outcome.fromEmpty() && outcome.added() > 0) {
            // a fresh index is read far more than written: few segments are worth a one-off merge
            writer.forceMerge(FRESH_SEGMENTS);
        }
        Map<String, String> commitData = new HashMap<>(Map.of(FORMAT_KEY, FORMAT));
        next.contentVersion().ifPresent(version -> commitData.put(CONTENT_KEY, version));
        writer.setLiveCommitData(commitData.entrySet());
        writer.commit();
        return outcome;
    }

    private void rollback(Throwable cause) {
        try {
            writer.rollback();
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
        writer = null;
    }

    /**
     * One page of results. Never throws for anything typed: an unreadable query finds nothing, and
     * before the first build every search finds nothing.
     */
    @Override
    public SearchPage search(SearchRequest request) {
        String typed = request.query();
        IndexGeneration generation = acquire();
        if (generation == null) {
            return empty(request);
        }
        try {
            return searcher.page(generation, request);
        } catch (IndexSearcher.TooManyClauses e) {
            // a clause of hundreds of parts ("au:Ab-Ab-…"): past the clause limit, and no real query
            LOG.info("Search refused a query of {} characters: {}", typed.length(), e.getMessage());
            return new SearchPage(typed, null, List.of(), 0, request.page(), request.pageSize(), false,
                    List.of("The query is too complex to search (a word or name of very many parts): shorten it."));
        } catch (IOException | RuntimeException e) {
            // the port promises no exceptions; a failed search is an empty one, and the log says why
            LOG.warn("Search failed for a query of {} characters; answering with no results", typed.length(), e);
            return empty(request);
        } finally {
            generation.release();
        }
    }

    /**
     * The papers of that key as stored in the index served now, newest first: for a {@code title:} key every paper
     * of that normalised title, with an arXiv id or without; empty when it has none or cannot read them.
     */
    @Override
    public List<LibraryPaper> findPapers(String key, int limit) {
        IndexGeneration generation = limit < 1 ? null : acquire();
        if (generation == null) {
            return List.of();
        }
        try {
            Query byKeyOrTitle = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(PaperFields.KEY, key)), BooleanClause.Occur.SHOULD)
                    .add(new TermQuery(new Term(PaperFields.TITLE_KEY, key)), BooleanClause.Occur.SHOULD).build();
            TopDocs found = generation.searcher().search(byKeyOrTitle, limit, INDEX_ORDER);
            List<LibraryPaper> papers = new ArrayList<>(found.scoreDocs.length);
            for (ScoreDoc doc : found.scoreDocs) {
                LibraryPaper paper = generation.stored(doc.doc);
                if (paper != null) {
                    papers.add(paper);
                }
            }
            return papers;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not read the paper {} from the search index", TypedText.shown(key, 80), e);
            return List.of();
        } finally {
            generation.release();
        }
    }

    /** How many papers the typed query matches, counted to the end, unlike a page's total; 0 before the first build. */
    long count(String typed) throws IOException {
        IndexGeneration generation = acquire();
        if (generation == null) {
            return 0;
        }
        try {
            return searcher.count(generation, typed);
        } finally {
            generation.release();
        }
    }

    private static SearchPage empty(SearchRequest request) {
        return new SearchPage(request.query(), null, List.of(), 0, request.page(), request.pageSize());
    }

    /** The generation to search, held until {@link IndexGeneration#release()}; null before the first build. */
    private IndexGeneration acquire() {
        while (true) {
            IndexGeneration generation = current.get();
            if (generation == null || generation.tryAcquire()) {
                return generation;
            }
            // lost a race with a swap: that generation is closing, the next one is in place
        }
    }

    /** Stops serving: searches find nothing, and the index's memory or files are freed once idle. */
    @Override
    public void close() {
        buildLock.lock();
        try {
            closed = true;
            IndexGeneration old = current.getAndSet(null);
            if (old != null) {
                old.release();
            }
            if (writer != null) {
                writer.close();
                writer = null;
            }
            if (directory != null) {
                directory.close();
            }
        } catch (IOException e) {
            LOG.warn("Could not close the search index cleanly", e);
        } finally {
            buildLock.unlock();
        }
    }

    private static SortField newestFirst() {
        SortField field = new SortField(PaperFields.DAY, SortField.Type.LONG, true);
        field.setMissingValue(Long.MIN_VALUE);
        return field;
    }
}
