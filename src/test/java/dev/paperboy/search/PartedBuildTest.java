package dev.paperboy.search;

import static dev.paperboy.search.Papers.library;
import static dev.paperboy.search.Papers.paper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.Library;
import dev.paperboy.core.Loose;
import dev.paperboy.core.LibraryPaper;
import dev.paperboy.core.SearchHit;
import dev.paperboy.core.SearchRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Large additions written in parts on several threads ({@link PartedBuild}) index exactly what one thread would. */
class PartedBuildTest {

    /** Enough papers for three threads (one per 5,000). */
    private static Library large;

    @BeforeAll
    static void largeLibrary() {
        List<Papers> papers = new ArrayList<>();
        LocalDate first = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < 12_000; i++) {
            papers.add(paper(String.format("2401.%05d", i + 1))
                    .title((i % 7 == 0 ? "Graph transformers " : "Sparse models ") + "w" + i)
                    .abs("We study " + (i % 3 == 0 ? "graph " : "") + "learning with common methods, part " + i)
                    .date(first.plusDays(i % 400).toString()));
        }
        large = library(papers.toArray(Papers[]::new));
    }

    @Test
    void papersWrittenInPartsAreFoundAndRankedAsIfOneThreadHadWrittenThem(@TempDir Path root) throws Exception {
        try (LuceneSearchIndex oneThread = new LuceneSearchIndex(IndexStorage.onDisk(root.resolve("one")), 1);
             LuceneSearchIndex inParts = new LuceneSearchIndex(IndexStorage.onDisk(root.resolve("parts")), 3)) {
            assertThat(inParts.statusLines()).containsExactly("Search: no index yet");
            oneThread.libraryChanging(large);
            inParts.libraryChanging(large);

            assertThat(inParts.statusLines()).containsExactly("Search: 12000 papers indexed");

            assertThat(inParts.count("common")).isEqualTo(12_000);
            assertThat(ids(inParts, "w11999")).containsExactly("2401.12000");
            for (String query : List.of("graph transformers", "graph learning", "sparse w42", "common sort:date",
                    "graph after:2024-06-01")) {
                assertThat(hits(inParts, query)).as(query).isEqualTo(hits(oneThread, query));
            }
        }
    }

    @Test
    void aFreshBuildInPartsIsMergedDownToAFewSegments(@TempDir Path root) throws Exception {
        try (LuceneSearchIndex inParts = new LuceneSearchIndex(IndexStorage.onDisk(root.resolve("parts")), 3)) {
            inParts.libraryChanging(large);
        }
        try (FSDirectory directory = FSDirectory.open(root.resolve("parts"));
             DirectoryReader reader = DirectoryReader.open(directory)) {
            assertThat(reader.leaves()).hasSizeBetween(1, LuceneSearchIndex.FRESH_SEGMENTS);
            assertThat(reader.numDocs()).isEqualTo(12_000);
        }
    }

    @Test
    void manyChangedPapersAreWrittenInPartsAndReplaceTheirOldSelves(@TempDir Path root) throws Exception {
        List<dev.paperboy.core.Paper> revised = Loose.served(large).stream().map(p -> p.paper())
                .map(p -> new dev.paperboy.core.Paper(p.arxivId(), p.version(), "Revised " + p.title(), p.authors(),
                        p.abstractText(), p.comment(), p.categories(), p.published(), p.updated(), p.links()))
                .toList();
        try (LuceneSearchIndex index = new LuceneSearchIndex(IndexStorage.onDisk(root.resolve("index")), 3)) {
            index.libraryChanging(large);

            index.libraryChanging(Library.of(List.of(), revised));

            assertThat(index.lastUpdate().changed()).isEqualTo(12_000);
            assertThat(index.count("common")).isEqualTo(12_000);
            assertThat(index.count("ti:revised")).isEqualTo(12_000);
            assertThat(index.search(new SearchRequest("w11999", 1, 10)).hits())
                    .extracting(hit -> hit.paper().paper().title()).containsExactly("Revised Sparse models w11999");
        }
    }

    @Test
    void sortByDateRunsNewestFirstAcrossThePartBoundaries() throws Exception {
        try (LuceneSearchIndex inParts = new LuceneSearchIndex(IndexStorage.inMemory(), 3)) {
            inParts.libraryChanging(large);

            List<LocalDate> dates = new ArrayList<>();
            for (int page = 1; page <= 40; page++) {
                inParts.search(new SearchRequest("common sort:date", page, 100)).hits()
                        .forEach(hit -> dates.add(hit.paper().date()));
            }
            assertThat(dates).hasSize(4_000).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        }
    }

    @Test
    void thePartsAndAnyLeftFromADeadProcessAreRemoved(@TempDir Path root) throws Exception {
        Path leftover = Files.createDirectories(root.resolve("index.build-123/part-0"));
        Files.writeString(leftover.resolve("_0.cfs"), "from a process that died");
        Files.createDirectories(root.resolve("unrelated"));

        try (LuceneSearchIndex inParts = new LuceneSearchIndex(IndexStorage.onDisk(root.resolve("index")), 3)) {
            inParts.libraryChanging(large);
        }

        try (Stream<Path> beside = Files.list(root)) {
            assertThat(beside.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("index", "unrelated");
        }
    }

    @Test
    void aFailedCopyOfThePartsKeepsTheOldIndexServingAndLeavesNoParts(@TempDir Path root) throws Exception {
        AtomicBoolean full = new AtomicBoolean();
        IndexStorage fillsUp = failingWhile(root.resolve("index"), full, () -> {
            throw new IOException("disk full");
        });
        try (LuceneSearchIndex index = new LuceneSearchIndex(fillsUp, 3)) {
            index.libraryChanging(library(paper("2401.99999").title("Graphs")));
            full.set(true);

            assertThatThrownBy(() -> index.libraryChanging(large)).hasMessageContaining("disk full");

            assertThat(ids(index, "graphs")).containsExactly("2401.99999");
            try (Stream<Path> beside = Files.list(root)) {
                assertThat(beside.map(p -> p.getFileName().toString())).containsExactly("index");
            }
            full.set(false);
            index.libraryChanging(large);
            assertThat(index.count("common")).isEqualTo(12_000);
        }
    }

    @Test
    void aPaperLuceneRefusesIsLeftOutAndEveryOtherPaperIsIndexed(@TempDir Path root) throws Exception {
        List<dev.paperboy.core.Paper> papers = new ArrayList<>(Loose.served(large).stream().map(p -> p.paper()).toList());
        // a single term longer than Lucene's limit of 32,766 bytes
        papers.add(3_000, paper("2402.00001").title("Refused").categories("c".repeat(40_000)).build());
        try (LuceneSearchIndex index = new LuceneSearchIndex(IndexStorage.onDisk(root.resolve("index")), 3)) {
            List<String> warnings = index.libraryChanging(Library.of(List.of(), papers));

            assertThat(warnings).singleElement().asString().startsWith("Paper arxiv:2402.00001 is left out of search:"
                    + " its category is longer");
            assertThat(index.lastUpdate().refused()).isEqualTo(1);
            assertThat(index.lastUpdate().added()).isEqualTo(12_001);
            assertThat(index.count("common")).isEqualTo(12_000);
            assertThat(ids(index, "refused")).isEmpty();
            assertThat(index.statusLines()).containsExactly("Search: 12000 papers indexed; 1 left out by the last"
                    + " update (a value too long for the index: the log names the papers)");
        }
    }

    @Test
    void aPartThatFailsStopsTheOthersAndAddsNothing() throws Exception {
        List<LibraryPaper> papers = new ArrayList<>(Loose.served(large));
        papers.set(1_000, new LibraryPaper(paper("2402.00001").title("Explode").build(), List.of(), null));
        // the spelling field is the one the writer's analyzer reads: make it fail on one title
        Analyzer failing = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                KeywordTokenizer source = new KeywordTokenizer();
                return new TokenStreamComponents(source, new TokenFilter(source) {
                    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

                    @Override
                    public boolean incrementToken() throws IOException {
                        if (input.incrementToken() && term.toString().equals("Explode")) {
                            throw new IllegalStateException("the analyzer broke");
                        }
                        return false;
                    }
                });
            }
        };
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(failing))) {
            assertThatThrownBy(() -> addAll(writer, directory, papers,
                    () -> new IndexWriterConfig(failing))).hasMessage("the analyzer broke");

            assertThat(writer.getDocStats().maxDoc).isZero();
        }
    }

    @Test
    void anErrorWhileWritingRollsBackSoClosingCommitsNoneOfTheUpdate(@TempDir Path root) throws Exception {
        AtomicBoolean broken = new AtomicBoolean();
        IndexStorage failsHard = failingWhile(root.resolve("index"), broken, () -> {
            throw new NoClassDefFoundError("a class went missing");
        });
        try (LuceneSearchIndex index = new LuceneSearchIndex(failsHard, 3)) {
            index.libraryChanging(library(paper("2401.99999").title("Graphs")));
            broken.set(true);

            // the large library drops 2401.99999: a delete that must not be committed
            assertThatThrownBy(() -> index.libraryChanging(large)).isInstanceOf(NoClassDefFoundError.class);
            broken.set(false);
        }

        try (LuceneSearchIndex reopened = new LuceneSearchIndex(failsHard, 1)) {
            reopened.libraryChanging(library(paper("2401.99999").title("Graphs")));

            assertThat(reopened.lastUpdate().added()).isZero();
            assertThat(reopened.lastUpdate().deleted()).isZero();
        }
    }

    /** What a failing file system does when a file is made. */
    private interface Failure {
        void fail() throws IOException;
    }

    /** The index in {@code dir}, where making a file fails as {@code failure} says while {@code failing} holds. */
    private static IndexStorage failingWhile(Path dir, AtomicBoolean failing, Failure failure) {
        return () -> {
            Files.createDirectories(dir);
            return new FilterDirectory(FSDirectory.open(dir)) {
                @Override
                public IndexOutput createOutput(String name, IOContext context) throws IOException {
                    if (failing.get()) {
                        failure.fail();
                    }
                    return super.createOutput(name, context);
                }
            };
        };
    }

    private static List<String> ids(LuceneSearchIndex index, String query) {
        return index.search(new SearchRequest(query, 1, 10)).hits().stream()
                .map(hit -> hit.paper().paper().arxivId()).toList();
    }

    /** Ids with scores, which must agree exactly. */
    private static List<String> hits(LuceneSearchIndex index, String query) {
        List<String> hits = new ArrayList<>();
        for (SearchHit hit : index.search(new SearchRequest(query, 1, 20)).hits()) {
            hits.add(hit.paper().paper().arxivId() + " " + hit.score());
        }
        return hits;
    }

    /** Adds the papers as an update does: one at a time into a build in three parts, then finishes it. */
    private static List<PaperDocuments.Refusal> addAll(IndexWriter writer, ByteBuffersDirectory directory, List<LibraryPaper> papers,
                                       java.util.function.Supplier<IndexWriterConfig> config) throws IOException {
        try (PartedBuild build = PartedBuild.start(writer, directory, 3, config)) {
            for (LibraryPaper paper : papers) {
                build.add(paper);
            }
            return build.finish();
        }
    }
}
