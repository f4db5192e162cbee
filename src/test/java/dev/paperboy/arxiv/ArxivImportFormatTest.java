package dev.paperboy.arxiv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.content.JsonlPaperFormat;
import dev.paperboy.content.PaperImport;
import dev.paperboy.core.ContentProblem;
import dev.paperboy.core.Paper;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved arXiv responses through {@link PaperImport} into {@code imported/}, read back as the app reads them. */
class ArxivImportFormatTest {

    @TempDir
    Path dir;
    private final List<ContentProblem> problems = new ArrayList<>();

    private PaperImport.Result importFixture(String fixture, String as) throws Exception {
        Path file = Files.write(dir.resolve(as), FakeArxiv.fixture(fixture));
        return new PaperImport(dir.resolve("imported"), List.of(new ArxivImportFormat(new ArxivFeedParser())))
                .importFile(file, problems::add, n -> { });
    }

    private List<Paper> readBack(Path jsonl) throws Exception {
        List<Paper> papers = new ArrayList<>();
        List<ContentProblem> readProblems = new ArrayList<>();
        new JsonlPaperFormat().read(jsonl.getFileName().toString(),
                new ByteArrayInputStream(Files.readAllBytes(jsonl)), papers::add, readProblems::add);
        assertThat(readProblems).isEmpty();
        return papers;
    }

    @Test
    void anRssListingCountsCrossListsOnceAndKeepsIdsWithoutVersion() throws Exception {
        PaperImport.Result result = importFixture("rss-listing.xml", "cs.CV-listing.rss");

        assertThat(problems).isEmpty();
        assertThat(result.written()).isEqualTo(dir.resolve("imported/cs.CV-listing.jsonl"));
        assertThat(result.papers()).as("six items, one of them a second copy of a cross-list").isEqualTo(5);
        List<Paper> papers = readBack(result.written());
        assertThat(papers).extracting(Paper::arxivId)
                .containsExactly("2603.00101", "2603.00102", "2603.00555", "2511.04242", "2401.07777");
        assertThat(papers).extracting(Paper::version).containsExactly(1, 1, 1, 3, 5);
        assertThat(papers.get(0).authors()).containsExactly("Example Author", "Second Example");
    }

    @Test
    void anApiPageInTheCurrentLayoutKeepsVersionCommentAndDates() throws Exception {
        PaperImport.Result result = importFixture("api-current.xml", "budget.atom");

        assertThat(problems).isEmpty();
        List<Paper> papers = readBack(result.written());
        assertThat(papers).extracting(Paper::arxivId).containsExactly("2603.00101", "2511.04242");
        Paper old = papers.get(1);
        assertThat(old.version()).isEqualTo(3);
        assertThat(old.comment()).isEqualTo("Camera-ready, 12 pages");
        assertThat(old.published()).hasToString("2025-11-05");
        assertThat(old.updated()).hasToString("2026-02-28");
    }

    @Test
    void anApiPageInTheLegacyLayoutImportsToo() throws Exception {
        PaperImport.Result result = importFixture("api-legacy.xml", "legacy.xml");

        assertThat(problems).isEmpty();
        assertThat(result.papers()).isEqualTo(2);
        assertThat(readBack(result.written())).allSatisfy(p -> assertThat(p.version()).isPositive());
    }

    @Test
    void theNewestVersionInAFileWins() throws Exception {
        String twice = new String(FakeArxiv.fixture("api-current.xml"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("</feed>", """
                          <entry>
                            <id>http://arxiv.org/abs/2603.00101v2</id>
                            <title>Patch Budgets, Revised</title>
                            <updated>2026-03-03T10:00:00Z</updated>
                            <summary>Second version.</summary>
                            <published>2026-03-01T17:12:00Z</published>
                            <arxiv:comment>10 pages</arxiv:comment>
                          </entry>
                        </feed>""");
        Path file = Files.writeString(dir.resolve("twice.xml"), twice);

        PaperImport.Result result = new PaperImport(dir.resolve("imported"),
                List.of(new ArxivImportFormat(new ArxivFeedParser()))).importFile(file, problems::add, n -> { });

        List<Paper> papers = readBack(result.written());
        assertThat(papers).hasSize(2);
        assertThat(papers.get(0).version()).isEqualTo(2);
        assertThat(papers.get(0).comment()).isEqualTo("10 pages");
    }

    @Test
    void malformedXmlIsOneProblemAndImportsNothingOfThatFile() throws Exception {
        PaperImport.Result result = importFixture("malformed.xml", "broken.xml");

        assertThat(result.written()).isNull();
        assertThat(result.papers()).isZero();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("broken.xml");
            assertThat(p.line()).isZero();
            assertThat(p.toString()).startsWith("broken.xml: not a readable arXiv feed: malformed or truncated XML"
                    + " at line 2").endsWith("nothing was imported from this file");
        });
        assertThat(dir.resolve("imported/broken.jsonl")).doesNotExist();
        try (var left = Files.list(dir.resolve("imported"))) {
            assertThat(left).as("no half-written file").isEmpty();
        }
    }

    @Test
    void aTruncatedFileIsRefusedAndAnEarlierImportOfItStays() throws Exception {
        PaperImport.Result good = importFixture("api-current.xml", "feed.xml");
        String before = Files.readString(good.written());

        PaperImport.Result cut = importFixture("truncated.xml", "feed.xml");

        assertThat(cut.written()).isNull();
        assertThat(problems).singleElement().extracting(ContentProblem::message).asString()
                .contains("malformed or truncated XML");
        assertThat(Files.readString(good.written())).isEqualTo(before);
    }

    @Test
    void anArxivErrorPageIsRefused() throws Exception {
        PaperImport.Result result = importFixture("api-error.xml", "error.atom");

        assertThat(result.written()).isNull();
        assertThat(problems).singleElement().extracting(ContentProblem::message).asString()
                .contains("arXiv API error");
    }
}
