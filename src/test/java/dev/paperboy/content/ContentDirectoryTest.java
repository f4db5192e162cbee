package dev.paperboy.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.Loose;
import dev.paperboy.core.ContentLoad;
import dev.paperboy.core.ContentProblem;
import dev.paperboy.core.Digest;
import dev.paperboy.core.DigestSource;
import dev.paperboy.core.Paper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentDirectoryTest {

    private static final String GOOD_JSONL_LINES = String.join("\n",
            Fixtures.text("jsonl/papers.jsonl").lines().toList().subList(0, 2)) + "\n";

    @TempDir
    Path dir;

    @Test
    void loadsEveryFormatRecursivelyInPathOrderAndSkipsTheRest() throws IOException {
        write("topics/graph.txt", Fixtures.text("text/seed-shaped.txt"));
        write("robots.json", Fixtures.text("json/one-digest.json"));
        write("dumps/papers.jsonl", GOOD_JSONL_LINES);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("dumps/more.jsonl.gz")))) {
            out.write(Fixtures.text("jsonl/papers.jsonl").lines().skip(6).findFirst().orElseThrow()
                    .getBytes(StandardCharsets.UTF_8));
        }
        // None of these is content; each would be a problem if it were read.
        write("README.md", "# Our content\n");
        write("README.txt", "How to add a digest: ...\n");
        write("notes.md", "not a digest\n");
        write("topics/.draft.txt", "half-written\n");
        write(".git/objects/x.txt", "not ours\n");
        write("topics/graph.txt.bak", "old\n");

        ContentLoad load = new ContentDirectory(dir).load();

        assertThat(load.problems()).isEmpty();
        assertThat(load.digests()).extracting(Digest::source).extracting(DigestSource::where)
                .containsExactly("robots.json:1", "topics/graph.txt:1");
        assertThat(load.digests().get(1)).isEqualTo(SeedTextParserTest.seedShapedDigest("topics/graph.txt"));
        assertThat(Loose.papers(load.loosePapers())).extracting(Paper::arxivId)
                .containsExactly("2401.00004", "2401.00001", "2401.00002");
    }

    @Test
    void aDumpWhoseFileIsUnchangedIsNotReadAgainAndAChangedOneIs() throws IOException {
        Path dump = write("dumps/papers.jsonl", GOOD_JSONL_LINES);
        ContentDirectory content = new ContentDirectory(dir);
        ContentLoad first = content.load();
        java.nio.file.attribute.FileTime stamp = Files.getLastModifiedTime(dump);

        // the same size and time: the file's identity is unchanged, so the dump is taken as it was read
        int inTitle = GOOD_JSONL_LINES.indexOf("title") + 10;
        Files.writeString(dump, GOOD_JSONL_LINES.substring(0, inTitle) + "#" + GOOD_JSONL_LINES.substring(inTitle + 1));
        Files.setLastModifiedTime(dump, stamp);
        assertThat(content.load().loosePapers()).isSameAs(first.loosePapers());

        write("dumps/papers.jsonl", GOOD_JSONL_LINES.lines().findFirst().orElseThrow() + "\n");
        ContentLoad changed = content.load();
        assertThat(changed.loosePapers().count()).isEqualTo(1);

        Files.delete(dump);
        assertThat(content.load().loosePapers().count()).isZero();
    }

    @Test
    void aDumpWithAProblemIsReadAgainEvenWhenItsFileLooksUnchanged() throws IOException {
        String broken = GOOD_JSONL_LINES.replaceFirst("\\{", "[");
        Path dump = write("dumps/papers.jsonl", broken);
        ContentDirectory content = new ContentDirectory(dir);
        assertThat(content.load().ok()).isFalse();
        java.nio.file.attribute.FileTime stamp = Files.getLastModifiedTime(dump);

        // fixed in place: the same size and time, as after a chmod that makes an unreadable file readable
        Files.writeString(dump, GOOD_JSONL_LINES);
        Files.setLastModifiedTime(dump, stamp);

        ContentLoad fixed = content.load();
        assertThat(fixed.problems()).isEmpty();
        assertThat(fixed.loosePapers().count()).isEqualTo(2);
    }

    @Test
    void problemsNameTheFileRelativeToTheDirectory() throws IOException {
        write("sub/dir/bad.json", "{\"topic\": \"T\",\n \"date\": \"soon\", \"papers\": [{\"title\": \"x\","
                + " \"authors\": []}]}");
        write("sub/bad.txt", "Topic\n2024-01-01\nTitle\nAuthors:\n");
        Files.write(dir.resolve("latin1.txt"), "Topic\n2024-01-01\nCaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        ContentLoad load = new ContentDirectory(dir).load();

        assertThat(load.problems()).map(ContentProblem::toString).containsExactly(
                "latin1.txt:3: not valid UTF-8: save the file as UTF-8",
                "sub/bad.txt:4: empty \"Authors:\" line for \"Title\": expected the names after \"Authors:\","
                        + " separated by commas",
                "sub/dir/bad.json:2: \"date\" must be YYYY-MM-DD, got \"soon\"");
    }

    @Test
    void theSameTopicAndDayTwiceIsAProblemNamingBothPlaces() throws IOException {
        String digest = "Vision Transformer\n2022-11-15\nA Title\nAuthors: A. One\n";
        write("a.txt", digest);
        write("b.txt", "\n" + digest.replace("Vision Transformer", "vision-transformer")
                .replace("A Title", "Another Title"));
        write("c.json", "{\"topic\": \"VISION TRANSFORMER\", \"date\": \"2022-11-15\", \"papers\": [{\"title\": \"x\","
                + " \"authors\": [\"y\"]}]}");
        write("d.txt", digest.replace("2022-11-15", "2022-11-16"));

        ContentLoad load = new ContentDirectory(dir).load();

        assertThat(load.problems()).map(ContentProblem::toString).containsExactly(
                "b.txt:2: digest \"vision-transformer\" 2022-11-15 is already defined at a.txt:1; remove one of them or change its topic or date",
                "c.json:1: digest \"VISION TRANSFORMER\" 2022-11-15 is already defined at a.txt:1; remove one of them or change its topic or date");
    }

    @Test
    void aMissingDirectoryIsOneClearProblem() {
        Path missing = dir.resolve("content");

        ContentLoad load = new ContentDirectory(missing).load();

        assertThat(load.digests()).isEmpty();
        assertThat(load.problems()).map(ContentProblem::toString).containsExactly(missing + ": content directory "
                + missing + " does not exist: create it or set content-dir in config/paperboy.yml");
    }

    @Test
    void aFileInsteadOfADirectoryIsOneClearProblem() throws IOException {
        Path file = write("content", "oops");

        assertThat(new ContentDirectory(file).load().problems()).singleElement().asString()
                .contains("is a file, not a directory");
    }

    @Test
    void anEmptyDirectoryIsEmptyContentAndDescribeNamesTheDirectory() {
        ContentDirectory content = new ContentDirectory(dir);

        ContentLoad load = content.load();

        assertThat(load.digests()).isEmpty();
        assertThat(Loose.papers(load.loosePapers())).isEmpty();
        assertThat(load.problems()).isEmpty();
        assertThat(load.version()).isEqualTo(content.version().orElseThrow());
        assertThat(content.describe()).isEqualTo(dir.toString());
    }

    @Test
    void theVersionChangesWithAnyContentFileAndOnlyThen() throws IOException {
        write("a.jsonl", GOOD_JSONL_LINES);
        ContentDirectory content = new ContentDirectory(dir);
        String first = content.version().orElseThrow();

        assertThat(content.version()).contains(first);
        assertThat(content.load().version()).isEqualTo(first);
        write("README.md", "not content\n");
        assertThat(content.version()).as("a file that is not content").contains(first);

        write("b.json", Fixtures.text("json/one-digest.json"));
        String added = content.version().orElseThrow();
        assertThat(added).isNotEqualTo(first);
        Files.setLastModifiedTime(dir.resolve("a.jsonl"), java.nio.file.attribute.FileTime.fromMillis(1_000));
        String touched = content.version().orElseThrow();
        assertThat(touched).isNotEqualTo(added);
        Files.delete(dir.resolve("b.json"));
        assertThat(content.version().orElseThrow()).isNotIn(touched, added, first);
    }

    @Test
    void aMissingDirectoryHasNoVersion() {
        assertThat(new ContentDirectory(dir.resolve("none")).version()).isEmpty();
        assertThat(new ContentDirectory(dir.resolve("none")).load().version()).isNull();
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void aDigestFileOverTheLimitIsAProblemNotReadWhole() throws IOException {
        write("topics/graph.txt", Fixtures.text("text/seed-shaped.txt"));
        try (java.io.RandomAccessFile sparse = new java.io.RandomAccessFile(dir.resolve("big.txt").toFile(), "rw")) {
            sparse.setLength(3 * WholeFileLimit.MAX_BYTES);
        }

        ContentLoad load = new ContentDirectory(dir).load();

        assertThat(load.ok()).isFalse();
        assertThat(load.problems()).singleElement().asString()
                .startsWith("big.txt: the file is 96.0 MB, over the 32 MB a file read whole may be; split it");
    }
}
