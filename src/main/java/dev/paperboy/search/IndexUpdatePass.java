package dev.paperboy.search;

import dev.paperboy.core.Library;
import dev.paperboy.core.LibraryPaper;
import dev.paperboy.core.LoosePapers;
import dev.paperboy.core.PaperHashes;
import dev.paperboy.core.PaperPrints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the index's writer in line with a library, without holding its papers. What differs is found from
 * fingerprints alone: each indexed paper's key hash and fingerprint (doc values) against the library's
 * {@link Library#prints()}; gone and changed papers are deleted on the way. The papers due are then taken
 * from the library's digests and, only when a loose paper is due, read again from the dumps one at a time.
 * A paper Lucene refused before, unchanged since, is not due: it would be refused again, and would make every
 * reload read the dumps.
 */
final class IndexUpdatePass {

    private static final Logger LOG = LoggerFactory.getLogger(IndexUpdatePass.class);

    /** Opens where the papers due are written, knowing how many are due. */
    interface Sinks {
        PaperSink open(int due) throws IOException;
    }

    /**
     * What the pass did: papers written anew, rewritten, deleted; whether the index was empty before; and every
     * paper left out of search (refused now or before), by key hash.
     */
    record Outcome(int added, int changed, int deleted, boolean fromEmpty, Map<Long, PaperDocuments.Refusal> refused) {
    }

    private final PaperPrints wanted;
    /** By place in {@code wanted}: indexed as it is, written in this pass, or still refused. */
    private final BitSet done;
    /** By place in {@code wanted}: deleted because its fingerprint changed. */
    private final BitSet changed;
    private final PaperSink sink;
    private int added;
    private int rewritten;

    private IndexUpdatePass(PaperPrints wanted, BitSet done, BitSet changed, PaperSink sink) {
        this.wanted = wanted;
        this.done = done;
        this.changed = changed;
        this.sink = sink;
    }

    static Outcome run(IndexWriter writer, Library next, Map<Long, PaperDocuments.Refusal> refusedBefore,
                       Sinks sinks) throws IOException {
        PaperPrints wanted = next.prints();
        BitSet done = new BitSet(wanted.size());
        BitSet changed = new BitSet(wanted.size());
        int[] deleted = {0};
        boolean fromEmpty = diff(writer, wanted, done, changed, deleted);
        Map<Long, PaperDocuments.Refusal> refused = new HashMap<>();
        for (int at = done.nextClearBit(0); at < wanted.size(); at = done.nextClearBit(at + 1)) {
            PaperDocuments.Refusal before = refusedBefore.get(wanted.keyHash(at));
            if (before != null && before.fingerprint() == wanted.fingerprint(at)) {
                refused.put(wanted.keyHash(at), before);
                done.set(at);
            }
        }
        int due = wanted.size() - done.cardinality();
        IndexUpdatePass pass;
        try (PaperSink sink = sinks.open(due)) {
            pass = new IndexUpdatePass(wanted, done, changed, sink);
            for (LibraryPaper paper : next.digestPapers()) {
                pass.writeIfDue(paper);
            }
            if (pass.written() < due) {
                pass.readLoose(next);
            }
            for (PaperDocuments.Refusal refusal : sink.finish()) {
                refused.put(PaperHashes.key(refusal.key()), refusal);
            }
        }
        int missing = due - pass.written();
        if (missing > 0) {
            LOG.warn("{} papers of the library were not found when they were read again to be indexed: their files"
                    + " changed meanwhile; the next reload indexes them", missing);
        }
        // a changed paper deleted but not found again is gone from the index
        int deletedInAll = deleted[0] + changed.cardinality() - pass.rewritten;
        return new Outcome(pass.added, pass.rewritten, deletedInAll, fromEmpty, refused);
    }

    private int written() {
        return added + rewritten;
    }

    /** Reads the loose papers again; a copy of a digest's paper is skipped like any copy (its place is done). */
    private void readLoose(Library next) throws IOException {
        try {
            next.loosePapers().forEach(paper -> {
                try {
                    writeIfDue(LoosePapers.served(paper));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Writes the paper when it is wanted and not done. */
    private void writeIfDue(LibraryPaper paper) throws IOException {
        int at = wanted.indexOf(PaperHashes.key(paper.key()));
        if (at < 0 || done.get(at)) {
            return;
        }
        done.set(at);
        sink.add(paper);
        if (changed.get(at)) {
            rewritten++;
        } else {
            added++;
        }
    }

    /**
     * Marks the wanted papers the index holds as they are, deletes the others (counting the gone ones in
     * {@code deleted[0]} and marking the changed ones), and says whether the index was empty.
     */
    private static boolean diff(IndexWriter writer, PaperPrints wanted, BitSet current, BitSet changed, int[] deleted)
            throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                SortedDocValues keys = DocValues.getSorted(leaf.reader(), PaperFields.KEY);
                NumericDocValues prints = DocValues.getNumeric(leaf.reader(), PaperFields.FINGERPRINT);
                Bits live = leaf.reader().getLiveDocs();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if ((live != null && !live.get(doc)) || !keys.advanceExact(doc)) {
                        continue;
                    }
                    BytesRef key = keys.lookupOrd(keys.ordValue());
                    int at = wanted.indexOf(PaperHashes.key(key.utf8ToString()));
                    long print = prints.advanceExact(doc) ? prints.longValue() : 0;
                    if (at >= 0 && !current.get(at) && wanted.fingerprint(at) == print) {
                        current.set(at);
                        continue;
                    }
                    // a delete reaches only what was written before it: the changed ones are written anew after
                    writer.deleteDocuments(new Term(PaperFields.KEY, BytesRef.deepCopyOf(key)));
                    if (at < 0) {
                        deleted[0]++;
                    } else {
                        changed.set(at);
                    }
                }
            }
            return reader.numDocs() == 0;
        }
    }
}
