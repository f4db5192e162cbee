package dev.paperboy.search;

import dev.paperboy.core.Library;
import dev.paperboy.core.LibraryPaper;
import java.io.Closeable;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One committed state of the index with the snapshot it was built from. Reference counted: the
 * index holds one reference while it serves this generation, each running search one more; the
 * last release lets go of the reader (readers of unchanged generations share segments).
 */
final class IndexGeneration {

    private static final Logger LOG = LoggerFactory.getLogger(IndexGeneration.class);

    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Library library;
    private final Closeable directory;
    private final long newestDay;
    private final AtomicInteger references = new AtomicInteger(1);

    private IndexGeneration(DirectoryReader reader, Library library, long newestDay, Closeable directory) {
        this.reader = reader;
        this.searcher = new PaperIndexSearcher(reader);
        this.library = library;
        this.directory = directory;
        this.newestDay = newestDay;
    }

    /** A generation built from {@code library}, which resolves the hits on its digests' papers. */
    static IndexGeneration of(DirectoryReader reader, Library library) {
        LocalDate newest = library.newestDate();
        return new IndexGeneration(reader, library, newest == null ? 0 : newest.toEpochDay(), null);
    }

    /**
     * A generation served before any library is read: hits come from the papers stored in the index, and
     * {@code directory}, this generation's own, is closed with it.
     */
    static IndexGeneration stored(DirectoryReader reader, Closeable directory) throws IOException {
        return new IndexGeneration(reader, null, newestLiveDay(reader), directory);
    }

    /**
     * The newest live paper's day: each segment is sorted newest first, so its first live paper with a day
     * has the segment's newest (deleted papers must not count).
     */
    private static long newestLiveDay(DirectoryReader reader) throws IOException {
        long newest = 0;
        for (LeafReaderContext leaf : reader.leaves()) {
            Bits live = leaf.reader().getLiveDocs();
            NumericDocValues days = DocValues.getNumeric(leaf.reader(), PaperFields.DAY);
            for (int doc = days.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = days.nextDoc()) {
                if (live == null || live.get(doc)) {
                    newest = Math.max(newest, days.longValue());
                    break;
                }
            }
        }
        return newest;
    }

    DirectoryReader reader() {
        return reader;
    }

    IndexSearcher searcher() {
        return searcher;
    }

    /** The newest paper's day (epoch day), 0 when none has one: where the recency factor counts from. */
    long newestDay() {
        return newestDay;
    }

    /**
     * The papers of these hits, in the same order: a digest's paper from the library, by key; any other (a
     * loose paper, or every paper before a library is read) as stored in the index; null for a hit whose
     * paper cannot be found.
     */
    LibraryPaper[] papers(int[] docs) throws IOException {
        LibraryPaper[] papers = new LibraryPaper[docs.length];
        boolean listsAny = library != null && !library.digestPapers().isEmpty();
        Map<Integer, String> keys = listsAny ? inDocOrder(docs, IndexGeneration::keys) : Map.of();
        int[] notListed = new int[docs.length];
        int count = 0;
        for (int i = 0; i < docs.length; i++) {
            String key = keys.get(docs[i]);
            papers[i] = key == null ? null : library.findByKey(key).orElse(null);
            if (papers[i] == null) {
                notListed[count++] = docs[i];
            }
        }
        if (count > 0) {
            Map<Integer, LibraryPaper> stored = inDocOrder(Arrays.copyOf(notListed, count), IndexGeneration::stored);
            for (int i = 0; i < docs.length; i++) {
                if (papers[i] == null) {
                    papers[i] = stored.get(docs[i]);
                }
            }
        }
        return papers;
    }

    /** The paper of one doc as the index stores it, or null when it stores none. */
    LibraryPaper stored(int doc) throws IOException {
        return inDocOrder(new int[] {doc}, IndexGeneration::stored).get(doc);
    }

    /** A value of each doc of one segment, asked for in increasing doc order (doc values only move forward). */
    private interface LeafValue<T> {
        T at(int doc) throws IOException;
    }

    private interface LeafValues<T> {
        LeafValue<T> open(LeafReader leaf) throws IOException;
    }

    private static LeafValue<String> keys(LeafReader leaf) throws IOException {
        SortedDocValues keys = DocValues.getSorted(leaf, PaperFields.KEY);
        return doc -> keys.advanceExact(doc) ? keys.lookupOrd(keys.ordValue()).utf8ToString() : null;
    }

    private static LeafValue<LibraryPaper> stored(LeafReader leaf) throws IOException {
        BinaryDocValues papers = DocValues.getBinary(leaf, PaperFields.PAPER);
        return doc -> papers.advanceExact(doc) ? StoredPapers.decode(papers.binaryValue()) : null;
    }

    /** The value of each doc that has one, read in doc order so that each segment's values are opened once. */
    private <T> Map<Integer, T> inDocOrder(int[] docs, LeafValues<T> values) throws IOException {
        int[] sorted = docs.clone();
        Arrays.sort(sorted);
        Map<Integer, T> found = new HashMap<>();
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = null;
        LeafValue<T> value = null;
        int previous = -1;
        for (int doc : sorted) {
            if (doc == previous) {
                continue;
            }
            previous = doc;
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                value = values.open(leaf.reader());
            }
            T at = value.at(doc - leaf.docBase);
            if (at != null) {
                found.put(doc, at);
            }
        }
        return found;
    }

    boolean tryAcquire() {
        while (true) {
            int count = references.get();
            if (count <= 0) {
                return false;
            }
            if (references.compareAndSet(count, count + 1)) {
                return true;
            }
        }
    }

    void release() {
        if (references.decrementAndGet() == 0) {
            try {
                reader.decRef();
                if (directory != null) {
                    directory.close();
                }
            } catch (IOException e) {
                LOG.warn("Could not free an old search index", e);
            }
        }
    }
}
