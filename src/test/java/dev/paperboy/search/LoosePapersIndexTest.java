package dev.paperboy.search;

import static dev.paperboy.search.Papers.paper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.Digest;
import dev.paperboy.core.DigestSource;
import dev.paperboy.core.Library;
import dev.paperboy.core.LibraryPaper;
import dev.paperboy.core.LoosePapers;
import dev.paperboy.core.Paper;
import dev.paperboy.core.SearchHit;
import dev.paperboy.core.SearchRequest;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Loose papers, which the library does not hold, are read again from their source only when the index
 * must write some of them, and are served from the papers the index stores.
 */
class LoosePapersIndexTest {

    private final LuceneSearchIndex index = new LuceneSearchIndex();
    private final AtomicInteger reads = new AtomicInteger();

    @AfterEach
    void close() {
        index.close();
    }

    /** Loose papers summarised from {@code checked}, whose source gives {@code readAgain} when read again. */
    private LoosePapers loose(List<Paper> checked, List<Paper> readAgain) {
        LoosePapers.Builder builder = new LoosePapers.Builder();
        checked.forEach(builder);
        return builder.build(each -> {
            reads.incrementAndGet();
            readAgain.forEach(each);
        });
    }

    private static Digest digest(String date, Paper... papers) {
        return new Digest("Graph Learning", LocalDate.parse(date), List.of(papers), new DigestSource("g.txt", 1, ""));
    }

    private List<String> ids(String query) {
        return index.search(new SearchRequest(query, 1, 10)).hits().stream()
                .map(h -> h.paper().paper().arxivId()).toList();
    }

    @Test
    void loosePapersAreReadAgainOnlyWhenSomeOfThemMustBeWritten() throws Exception {
        List<Paper> dump = List.of(paper("2401.00001").title("Sparse graphs").build(),
                paper("2401.00002").title("Dense graphs").build());
        LoosePapers papers = loose(dump, dump);
        Paper listed = paper("2401.00009").title("Listed graphs").build();

        index.libraryChanging(Library.of(List.of(digest("2024-01-05", listed)), papers));
        assertThat(reads).hasValue(1);
        assertThat(ids("graphs")).containsExactlyInAnyOrder("2401.00001", "2401.00002", "2401.00009");

        Paper revised = paper("2401.00009").title("Listed graphs, revised").build();
        index.libraryChanging(Library.of(List.of(digest("2024-01-06", revised)), papers));

        assertThat(reads).as("only a digest changed").hasValue(1);
        assertThat(index.lastUpdate()).extracting(LuceneSearchIndex.IndexUpdate::changed).isEqualTo(1);
        assertThat(ids("revised")).containsExactly("2401.00009");
        assertThat(ids("sparse")).containsExactly("2401.00001");
    }

    @Test
    void aLoosePaperIsServedAsStoredAndFoundByItsKey() throws Exception {
        Paper sparse = paper("2401.00001").title("Sparse graphs").date("2024-01-02").build();
        index.libraryChanging(Library.of(List.of(), loose(List.of(sparse), List.of(sparse))));

        LibraryPaper hit = index.search(new SearchRequest("sparse", 1, 10)).hits().stream()
                .map(SearchHit::paper).findFirst().orElseThrow();
        assertThat(hit).isEqualTo(LoosePapers.served(sparse));
        assertThat(index.findPaper("arxiv:2401.00001")).contains(LoosePapers.served(sparse));
        assertThat(index.findPaper("arxiv:2401.00404")).isEmpty();
        assertThat(index.findPaper("title:" + Paper.normaliseTitle("SPARSE graphs!"))).contains(LoosePapers.served(sparse));
        assertThat(index.findPaper("title:dense graphs")).isEmpty();
    }

    @Test
    void everyPaperOfATitleIsFoundNewestFirstWithAnIdOrWithout() throws Exception {
        Paper first = paper("2401.00001").title("Sparse graphs").date("2024-01-02").build();
        Paper second = paper("2402.00002").title("Sparse Graphs.").date("2024-02-02").build();
        Paper noId = paper(null).title("sparse graphs").date("2024-03-02").build();
        Paper other = paper("2401.00003").title("Sparse graphs, again").date("2024-04-02").build();
        List<Paper> papers = List.of(first, second, noId, other);
        index.libraryChanging(Library.of(List.of(), loose(papers, papers)));

        assertThat(index.findPapers("title:sparse graphs", 10)).extracting(LibraryPaper::paper)
                .containsExactly(noId, second, first);
        assertThat(index.findPapers("title:sparse graphs", 2)).extracting(LibraryPaper::paper)
                .containsExactly(noId, second);
        assertThat(index.findPapers("title:sparse graphs", 0)).isEmpty();
    }

    @Test
    void aPaperBothListedAndLooseIsIndexedOnceAsTheDigestsPaper() throws Exception {
        Paper inDump = paper("2401.00001").title("Sparse graphs from the dump").build();
        Paper inDigest = paper("2401.00001").title("Sparse graphs from the digest").build();
        index.libraryChanging(Library.of(List.of(digest("2024-01-05", inDigest)),
                loose(List.of(inDump, inDump), List.of(inDump, inDump))));

        assertThat(ids("sparse")).containsExactly("2401.00001");
        assertThat(ids("dump")).isEmpty();
        assertThat(index.findPaper("arxiv:2401.00001")).get().extracting(LibraryPaper::topics)
                .isEqualTo(List.of("Graph Learning"));
        assertThat(index.lastUpdate().added()).isEqualTo(1);
    }

    @Test
    void aDumpThatChangedSinceItWasCheckedIndexesWhatItStillHas() throws Exception {
        Paper kept = paper("2401.00001").title("Sparse graphs").build();
        Paper gone = paper("2401.00002").title("Dense graphs").build();
        Paper unchecked = paper("2401.00003").title("Unchecked graphs").build();

        index.libraryChanging(Library.of(List.of(), loose(List.of(kept, gone), List.of(unchecked, kept))));

        assertThat(ids("graphs")).containsExactly("2401.00001");
        assertThat(index.lastUpdate().added()).isEqualTo(1);
    }

    @Test
    void aChangedPaperMissingWhenReadAgainCountsAsDeleted() throws Exception {
        Paper sparse = paper("2401.00001").title("Sparse graphs").build();
        Paper dense = paper("2401.00002").title("Dense graphs").build();
        index.libraryChanging(Library.of(List.of(), List.of(sparse, dense)));

        Paper revised = paper("2401.00001").title("Sparse graphs, revised").build();
        index.libraryChanging(Library.of(List.of(), loose(List.of(revised, dense), List.of(dense))));

        assertThat(index.lastUpdate()).extracting(LuceneSearchIndex.IndexUpdate::added,
                LuceneSearchIndex.IndexUpdate::changed, LuceneSearchIndex.IndexUpdate::deleted).containsExactly(0, 0, 1);
        assertThat(ids("graphs")).containsExactly("2401.00002");
    }

    @Test
    void aRefusedLoosePaperIsNotTriedAgainUntilItChangesSoReloadsDoNotReadTheDump() throws Exception {
        Paper garbled = paper("2401.00001").title("Sparse graphs").categories("c".repeat(40_000)).build();
        Paper dense = paper("2401.00002").title("Dense graphs").build();
        LoosePapers dump = loose(List.of(garbled, dense), List.of(garbled, dense));
        Paper listed = paper("2401.00009").title("Listed graphs").build();

        List<String> first = index.libraryChanging(Library.of(List.of(digest("2024-01-05", listed)), dump));
        Paper revised = paper("2401.00009").title("Listed graphs, revised").build();
        List<String> second = index.libraryChanging(Library.of(List.of(digest("2024-01-06", revised)), dump));

        assertThat(reads).as("the refused paper is not due again").hasValue(1);
        assertThat(second).isEqualTo(first).singleElement().asString().startsWith("Paper arxiv:2401.00001 is left out");
        assertThat(index.lastUpdate().refused()).isEqualTo(1);
        assertThat(index.statusLines()).singleElement().asString().contains("1 left out");

        Paper fixed = paper("2401.00001").title("Sparse graphs").build();
        List<String> third = index.libraryChanging(Library.of(List.of(digest("2024-01-06", revised)),
                loose(List.of(fixed, dense), List.of(fixed, dense))));
        assertThat(third).isEmpty();
        assertThat(ids("sparse")).containsExactly("2401.00001");
        assertThat(index.lastUpdate()).extracting(LuceneSearchIndex.IndexUpdate::added,
                LuceneSearchIndex.IndexUpdate::refused).containsExactly(1, 0);
    }

    @Test
    void aDumpThatCannotBeReadAgainRefusesTheUpdateAndTheOldIndexServes() throws Exception {
        Paper sparse = paper("2401.00001").title("Sparse graphs").build();
        index.libraryChanging(Library.of(List.of(), List.of(sparse)));
        LoosePapers.Builder builder = new LoosePapers.Builder();
        builder.accept(paper("2401.00002").title("Dense graphs").build());
        LoosePapers unreadable = builder.build(each -> {
            throw new IOException("the disk went away");
        });

        assertThatThrownBy(() -> index.libraryChanging(Library.of(List.of(), unreadable)))
                .hasMessage("the disk went away");

        assertThat(ids("graphs")).containsExactly("2401.00001");
        index.libraryChanging(Library.of(List.of(), List.of(sparse)));
        assertThat(ids("graphs")).containsExactly("2401.00001");
    }
}
