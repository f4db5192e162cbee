package dev.paperboy.search;

import dev.paperboy.core.LibraryPaper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexWriter;

/** Where an update of the index writes the papers it adds, one at a time as they are read. */
interface PaperSink extends AutoCloseable {

    void add(LibraryPaper paper) throws IOException;

    /** Ends the writing; returns the papers Lucene refused, with why ({@link PaperDocuments#add}). */
    List<PaperDocuments.Refusal> finish() throws IOException;

    /** Ends the writing if {@link #finish} did not: what was not finished is dropped where it can be. */
    @Override
    void close();

    /** Straight into the index's writer, on the calling thread. */
    static PaperSink into(IndexWriter writer) {
        List<PaperDocuments.Refusal> refused = new ArrayList<>();
        return new PaperSink() {
            @Override
            public void add(LibraryPaper paper) throws IOException {
                PaperDocuments.add(writer, paper).ifPresent(refused::add);
            }

            @Override
            public List<PaperDocuments.Refusal> finish() {
                return List.copyOf(refused);
            }

            @Override
            public void close() {
                // the update rolls the writer back if it does not commit
            }
        };
    }
}
