package dev.paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.ContentFiles;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportSubcommandTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static final String DUMP = """
            {"id": "2501.00001", "title": "Imported Graph Sparsifiers", "authors": ["Ann Importer"], "abstract": "Invented.", "categories": ["cs.DS"], "published": "2025-01-02"}
            {"id": "2501.00002", "title": "Broken
            {"id": "2501.00003", "title": "Imported Quantum Walks", "authors": ["Bo Loader"], "abstract": "Also invented.", "published": "2025-01-03"}
            """;

    @Test
    void importsADumpSkipsMalformedLinesAndMakesThePapersSearchable() throws Exception {
        String content = ContentFiles.standard(dir.resolve("content")).toString();
        String data = dir.resolve("data").toString();
        Path dump = dir.resolve("dump.jsonl.gz");
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dump))) {
            gz.write(DUMP.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Path digest = ContentFiles.write(dir, "listening.json", ContentFiles.SPEECH.replace("Speech", "Hearing"));

        CliRun result = run("import", "--content", content, "--data", data, dump.toString(), digest.toString());

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.err()).contains("dump.jsonl.gz:2: ").contains("(skipped)");
        assertThat(result.out()).contains("dump.jsonl.gz: 2 papers, 1 malformed skipped")
                .contains("listening.json: 1 paper in 1 digest")
                .contains("Imported 3 papers from 2 files, 1 malformed skipped");
        assertThat(dir.resolve("data/imported/dump.jsonl")).exists();

        CliRun search = run("search", "--content", content, "--data", data, "quantum walks");
        assertThat(search.out()).contains("Imported Quantum Walks");
    }

    @Test
    void aPaperTheIndexCannotHoldIsImportedLeftOutOfSearchAndNamed() {
        String content = ContentFiles.standard(dir.resolve("content")).toString();
        String data = dir.resolve("data").toString();
        String huge = "{\"id\": \"2501.00009\", \"title\": \"Huge Category\", \"authors\": [\"Cy Huge\"], \"abstract\": \"Long.\", \"categories\": [\"" + "c".repeat(40_000)
                + "\"]}\n";
        Path dump = ContentFiles.write(dir, "dump.jsonl", DUMP + huge);

        CliRun result = run("import", "--content", content, "--data", data, dump.toString());

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("Imported 3 papers from 1 file, 1 malformed skipped")
                .contains("1 left out of search");
        assertThat(result.err()).contains("1 paper is left out of search (the warnings above say which and why)");
        assertThat(run("search", "--content", content, "--data", data, "quantum walks").out())
                .contains("Imported Quantum Walks");
        assertThat(run("search", "--content", content, "--data", data, "huge category").out())
                .doesNotContain("Huge Category");
    }

    @Test
    void aSecondImportOfTheSameFileChangesNothingInTheIndex() {
        String content = ContentFiles.standard(dir.resolve("content")).toString();
        String data = dir.resolve("data").toString();
        Path dump = ContentFiles.write(dir, "dump.jsonl", DUMP);
        assertThat(run("import", "--content", content, "--data", data, dump.toString()).code()).isZero();

        CliRun again = run("import", "--content", content, "--data", data, dump.toString());

        assertThat(again.out()).contains("index: 0 added, 0 changed, 0 deleted");
    }

    @Test
    void aMissingFileImportsNothing() {
        CliRun result = run("import", "--data", dir.resolve("data").toString(), dir.resolve("none.jsonl").toString());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("No file at");
    }

    private static final String LISTING = """
            <?xml version='1.0' encoding='UTF-8'?>
            <rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0">
              <channel>
                <title>cs.DS updates on arXiv.org</title>
                <link>http://rss.arxiv.org/rss/cs.DS</link>
                <description>cs.DS updates</description>
                <pubDate>Mon, 02 Mar 2026 00:00:00 -0500</pubDate>
                <item>
                  <title>Listed Heap Orderings</title>
                  <link>https://arxiv.org/abs/2603.00901</link>
                  <description>arXiv:2603.00901v2 Announce Type: replace
            Abstract: Invented heaps, second version.</description>
                  <guid isPermaLink="false">oai:arXiv.org:2603.00901v2</guid>
                  <category>cs.DS</category>
                  <arxiv:announce_type>replace</arxiv:announce_type>
                  <dc:creator>HeaPer</dc:creator>
                </item>
                <item>
                  <title>Cross Listed Tree Walks</title>
                  <link>https://arxiv.org/abs/2603.00902</link>
                  <description>arXiv:2603.00902v1 Announce Type: cross
            Abstract: Invented trees.</description>
                  <guid isPermaLink="false">oai:arXiv.org:2603.00902v1</guid>
                  <category>math.CO</category>
                  <category>cs.DS</category>
                  <arxiv:announce_type>cross</arxiv:announce_type>
                  <dc:creator>Tree Walker</dc:creator>
                </item>
                <item>
                  <title>Cross Listed Tree Walks</title>
                  <link>https://arxiv.org/abs/2603.00902</link>
                  <description>arXiv:2603.00902v1 Announce Type: cross
            Abstract: Invented trees.</description>
                  <guid isPermaLink="false">oai:arXiv.org:2603.00902v1</guid>
                  <category>math.CO</category>
                  <category>cs.DS</category>
                  <arxiv:announce_type>cross</arxiv:announce_type>
                  <dc:creator>Tree Walker</dc:creator>
                </item>
              </channel>
            </rss>
            """;

    @Test
    void importsAnArxivListingAndRefusesAMalformedFeedWithoutImportingAnythingOfIt() {
        String content = ContentFiles.standard(dir.resolve("content")).toString();
        String data = dir.resolve("data").toString();
        Path listing = ContentFiles.write(dir, "cs.DS.rss", LISTING);
        Path broken = ContentFiles.write(dir, "broken.xml",
                "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>A & B</title>");

        CliRun result = run("import", "--content", content, "--data", data, listing.toString(), broken.toString());

        assertThat(result.code()).as("a file imported nothing").isEqualTo(1);
        assertThat(result.out()).contains("cs.DS.rss: 2 papers").contains("broken.xml: nothing imported")
                .contains("Imported 2 papers from 2 files");
        assertThat(result.err()).contains("broken.xml: not a readable arXiv feed: malformed or truncated XML at line 2")
                .doesNotContain("broken.xml:0").contains("1 file could not be read");
        assertThat(dir.resolve("data/imported/cs.DS.jsonl")).exists();
        assertThat(dir.resolve("data/imported/broken.jsonl")).doesNotExist();

        CliRun search = run("search", "--content", content, "--data", data, "tree walks");
        assertThat(search.out()).contains("Cross Listed Tree Walks").contains("2603.00902");
    }
}
