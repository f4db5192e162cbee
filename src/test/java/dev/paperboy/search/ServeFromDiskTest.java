package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.Digest;
import dev.paperboy.core.DigestSource;
import dev.paperboy.core.Library;
import dev.paperboy.core.Loose;
import dev.paperboy.core.LibraryPaper;
import dev.paperboy.core.Paper;
import dev.paperboy.core.SearchHit;
import dev.paperboy.core.SearchPage;
import dev.paperboy.core.SearchRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new process serving the index on disk before it reads the content ({@link LuceneSearchIndex#serveIfCurrent}). */
class ServeFromDiskTest {

    @TempDir
    Path root;

    private static final Paper GRAPHS = new Paper("2401.00001", 2, "Graph transformers for molecules",
            List.of("Ada Lovelace", "Émile Borel"), "We study graph transformers.\n\nThey work on molecules.",
            "12 pages", List.of("cs.LG", "q-bio.BM"), LocalDate.of(2024, 1, 2), LocalDate.of(2024, 2, 3),
            List.of("https://example.org/code"));
    private static final Paper LOOSE = Paper.of(null, "A paper without an id about transformers", List.of(), "", "");

    private static Library library(String version) {
        Digest digest = new Digest("Graph Learning", LocalDate.of(2024, 1, 5), List.of(GRAPHS),
                new DigestSource("graphs.txt", 1, ""));
        return Library.of(List.of(digest), List.of(LOOSE)).withContentVersion(version);
    }

    private void build(Library library) throws Exception {
        try (LuceneSearchIndex index = new LuceneSearchIndex(IndexStorage.onDisk(root))) {
            index.libraryChanging(library);
        }
    }

    @Test
    void aCurrentIndexAnswersBeforeTheLibraryWithThePapersItStores() throws Exception {
        Library library = library("v1");
        build(library);

        try (LuceneSearchIndex index = new LuceneSearchIndex(IndexStorage.onDisk(root))) {
            assertThat(index.serveIfCurrent("v1")).isTrue();
            SearchPage page = index.search(new SearchRequest("transformers", 1, 10));

            assertThat(page.hits()).extracting(SearchHit::paper)
                    .containsExactlyInAnyOrderElementsOf(Loose.served(library));
            LibraryPaper graphs = page.hits().stream().map(SearchHit::paper)
                    .filter(p -> "2401.00001".equals(p.paper().arxivId())).findFirst().orElseThrow();
            assertThat(graphs.topics()).containsExactly("Graph Learning");
            assertThat(graphs.date()).isEqualTo(LocalDate.of(2024, 1, 5));
            assertThat(page.hits().get(0).snippet().plainText()).isNotEmpty();
            assertThat(index.search(new SearchRequest("trasnformers", 1, 10)).correctedQuery())
                    .isEqualTo("transformers");
        }
    }

    @Test
    void theFirstUpdateTakesOverAndWritesOnlyWhatChanged() throws Exception {
        build(library("v1"));
        Paper added = Paper.of("2401.00002", "Transformers for proteins", List.of("Bo"), "", "");
        Library next = Library.of(List.of(), List.of(GRAPHS, LOOSE, added)).withContentVersion("v2");

        try (LuceneSearchIndex index = new LuceneSearchIndex(IndexStorage.onDisk(root))) {
            assertThat(index.serveIfCurrent("v1")).isTrue();
            index.libraryChanging(next);

            assertThat(index.lastUpdate().added()).isEqualTo(1);
            assertThat(index.lastUpdate().rebuilt()).isFalse();
            assertThat(index.search(new SearchRequest("transformers", 1, 10)).total()).isEqualTo(3);
        }
        try (LuceneSearchIndex index = new LuceneSearchIndex(IndexStorage.onDisk(root))) {
            assertThat(index.serveIfCurrent("v1")).isFalse();
            assertThat(index.serveIfCurrent("v2")).isTrue();
        }
    }

    @Test
    void lookingForAnIndexWhereThereIsNoneCreatesNothing(@TempDir Path empty) {
        Path missing = empty.resolve("data").resolve("index");
        try (LuceneSearchIndex index = new LuceneSearchIndex(IndexStorage.onDisk(missing))) {
            assertThat(index.serveIfCurrent("v1")).isFalse();
        }
        assertThat(empty.resolve("data")).doesNotExist();
    }

    @Test
    void anIndexOfOtherContentOrOfUnknownContentIsNotServed() throws Exception {
        try (LuceneSearchIndex index = new LuceneSearchIndex(IndexStorage.onDisk(root))) {
            assertThat(index.serveIfCurrent("v1")).as("no index yet").isFalse();
        }
        build(library("v1"));
        try (LuceneSearchIndex index = new LuceneSearchIndex(IndexStorage.onDisk(root))) {
            assertThat(index.serveIfCurrent("v0")).isFalse();
            assertThat(index.search(new SearchRequest("transformers", 1, 10)).total()).isZero();
        }
        build(library(null));
        try (LuceneSearchIndex index = new LuceneSearchIndex(IndexStorage.onDisk(root))) {
            assertThat(index.serveIfCurrent("v1")).as("built from content of unknown version").isFalse();
        }
        try (LuceneSearchIndex index = new LuceneSearchIndex()) {
            assertThat(index.serveIfCurrent("v1")).as("in memory there is nothing to serve").isFalse();
        }
    }

    @Test
    void aDamagedIndexIsNotServedAndTheFirstUpdateRebuildsIt() throws Exception {
        build(library("v1"));
        try (var files = Files.list(root)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
                Files.write(file, new byte[] {1, 2, 3});
            }
        }

        try (LuceneSearchIndex index = new LuceneSearchIndex(IndexStorage.onDisk(root))) {
            assertThat(index.serveIfCurrent("v1")).isFalse();
            index.libraryChanging(library("v1"));

            assertThat(index.lastUpdate().rebuilt()).isTrue();
            assertThat(index.search(new SearchRequest("transformers", 1, 10)).total()).isEqualTo(2);
        }
    }

    @Test
    void recencyCountsFromTheNewestPaperStillThereNotFromADeletedOne() throws Exception {
        Paper newer = new Paper("2406.00001", 1, "Transformers of June", List.of("Bo"), "", "", List.of(),
                LocalDate.of(2024, 6, 1), null, List.of());
        List<Paper> older = new java.util.ArrayList<>(List.of(GRAPHS, LOOSE));
        for (int i = 10; i < 30; i++) {
            // enough papers that deleting one leaves the segment as it is, its deleted paper only marked
            older.add(new Paper("2301.000" + i, 1, "Older paper " + i, List.of("Cy"), "", "", List.of(),
                    LocalDate.of(2023, 1, 1), null, List.of()));
        }
        List<Paper> withNewer = new java.util.ArrayList<>(older);
        withNewer.add(newer);
        long newestRemaining = LocalDate.of(2024, 1, 2).toEpochDay();
        try (LuceneSearchIndex index = new LuceneSearchIndex(IndexStorage.onDisk(root))) {
            index.libraryChanging(Library.of(List.of(), withNewer).withContentVersion("v0"));
            index.libraryChanging(Library.of(List.of(), older).withContentVersion("v1"));

            assertThat(index.newestDay()).isEqualTo(newestRemaining);
        }
        try (LuceneSearchIndex index = new LuceneSearchIndex(IndexStorage.onDisk(root))) {
            assertThat(index.serveIfCurrent("v1")).isTrue();

            assertThat(index.newestDay()).as("from the index, whose deleted paper is still on disk")
                    .isEqualTo(newestRemaining);
        }
    }

    @Test
    void aChangeOnlyTheStoredPaperShowsIsWrittenAgain() throws Exception {
        build(library("v1"));
        Paper moved = new Paper(GRAPHS.arxivId(), 3, GRAPHS.title(), GRAPHS.authors(), GRAPHS.abstractText(),
                GRAPHS.comment(), GRAPHS.categories(), GRAPHS.published(), LocalDate.of(2024, 5, 6),
                List.of("https://example.org/new-code"));
        Digest digest = new Digest("Graph Learning", LocalDate.of(2024, 1, 5), List.of(moved),
                new DigestSource("graphs.txt", 1, ""));

        try (LuceneSearchIndex index = new LuceneSearchIndex(IndexStorage.onDisk(root))) {
            index.libraryChanging(Library.of(List.of(digest), List.of(LOOSE)).withContentVersion("v2"));
            assertThat(index.lastUpdate().changed()).isEqualTo(1);
        }
        try (LuceneSearchIndex index = new LuceneSearchIndex(IndexStorage.onDisk(root))) {
            assertThat(index.serveIfCurrent("v2")).isTrue();
            assertThat(index.search(new SearchRequest("molecules", 1, 10)).hits().get(0).paper().paper())
                    .isEqualTo(moved);
        }
    }

    @Test
    void servesWhileAnotherProcessHoldsTheIndexForWriting() throws Exception {
        try (LuceneSearchIndex bot = new LuceneSearchIndex(IndexStorage.onDisk(root));
             LuceneSearchIndex command = new LuceneSearchIndex(IndexStorage.onDisk(root))) {
            bot.libraryChanging(library("v1"));

            assertThat(command.serveIfCurrent("v1")).isTrue();
            assertThat(command.search(new SearchRequest("molecules", 1, 10)).total()).isEqualTo(1);
        }
    }
}
