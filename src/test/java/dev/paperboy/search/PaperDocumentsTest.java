package dev.paperboy.search;

import static dev.paperboy.search.Papers.paper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.LibraryPaper;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class PaperDocumentsTest {

    @Test
    void aPaperWithAValueTooLongForTheIndexIsRefusedAndTheWriterGoesOn() throws Exception {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(PaperAnalyzers.perField()))) {
            LibraryPaper huge = new LibraryPaper(paper("2401.00001").categories("c".repeat(40_000)).build(), List.of(),
                    null);
            LibraryPaper fine = new LibraryPaper(paper("2401.00002").build(), List.of(), null);

            assertThat(PaperDocuments.add(writer, huge)).hasValue(new PaperDocuments.Refusal("arxiv:2401.00001",
                    dev.paperboy.core.PaperHashes.fingerprint(huge), "Paper arxiv:2401.00001 is left out of search:"
                    + " its category is longer than the search index allows in one value (32766 bytes); shorten it"
                    + " in the content"));
            assertThat(PaperDocuments.add(writer, fine)).isEmpty();
            writer.commit();

            assertThat(writer.getDocStats().numDocs).isEqualTo(1);
        }
    }

    @Test
    void anyOtherRefusalIsNotAboutOnePaperAndIsThrown() throws Exception {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(PaperAnalyzers.perField()))) {
            // the day field as sorted doc values: a paper's numeric day then conflicts with the schema
            Document other = new Document();
            other.add(new SortedDocValuesField(PaperFields.DAY, new BytesRef("x")));
            writer.addDocument(other);
            LibraryPaper dated = new LibraryPaper(paper("2401.00003").build(), List.of(),
                    java.time.LocalDate.of(2024, 1, 1));

            assertThatThrownBy(() -> PaperDocuments.add(writer, dated)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
