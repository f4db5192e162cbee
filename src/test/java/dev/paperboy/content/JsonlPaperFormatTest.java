package dev.paperboy.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.Loose;
import dev.paperboy.core.ContentLoad;
import dev.paperboy.core.ContentProblem;
import dev.paperboy.core.Paper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlPaperFormatTest {

    private static final List<Paper> GOOD_PAPERS = List.of(
            new Paper("2401.00001", 0, "Tiny Models Tell Tall Tales", List.of("Iris Vogel", "Tom Baker"),
                    "Small language models hallucinate in predictable ways.", "8 pages", List.of("cs.CL"),
                    LocalDate.of(2024, 1, 2), null, List.of()),
            new Paper("2401.00002", 0, "Dust Lanes in Nearby Spirals", List.of("Pedro Alves"),
                    "We map dust in twelve galaxies.", "", List.of("astro-ph.GA"), LocalDate.of(2024, 1, 2), null,
                    List.of()),
            new Paper("2401.00004", 0, "Counting Sheep with Vision Transformers", List.of("Aoife Kelly", "Sam Reed"),
                    "Drones count sheep from above.", "", List.of("cs.CV", "cs.AI"), LocalDate.of(2024, 1, 3), null,
                    List.of()));

    private final JsonlPaperFormat format = new JsonlPaperFormat();

    @TempDir
    Path dir;

    @Test
    void readsGoodLinesAsLoosePapersAndReportsEachBadLineByNumber() {
        ContentLoad load = format.parse("dump.jsonl", Fixtures.text("jsonl/papers.jsonl"));

        assertThat(load.digests()).isEmpty();
        assertThat(Loose.papers(load.loosePapers())).containsExactlyElementsOf(GOOD_PAPERS);
        List<String> problems = load.problems().stream().map(ContentProblem::toString).toList();
        assertThat(problems).hasSize(6);
        assertThat(problems.get(0)).startsWith("dump.jsonl:3: malformed JSON: Unexpected end-of-input");
        assertThat(problems.subList(1, 6)).containsExactly(
                "dump.jsonl:5: \"id\" must be an arXiv id such as \"2211.07638\", got \"not-an-id\"",
                "dump.jsonl:5: \"title\" must not be empty",
                "dump.jsonl:5: \"authors\" must be a list of strings, got \"Jo Bloggs\"",
                "dump.jsonl:5: \"published\" must be YYYY-MM-DD, got \"02/01/2024\"",
                "dump.jsonl:6: expected one paper object {\"id\": ..., \"title\": ..., ...} a line, got [1,2,3]");
    }

    @Test
    void streamsAGzippedDumpToTheConsumersWithCounts() throws IOException {
        Path gz = dir.resolve("dump.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Fixtures.bytes("jsonl/papers.jsonl"));
        }
        List<Paper> papers = new ArrayList<>();
        List<ContentProblem> problems = new ArrayList<>();

        JsonlPaperFormat.Counts counts = format.read("dump.jsonl.gz", gz, papers::add, problems::add);

        assertThat(counts).isEqualTo(new JsonlPaperFormat.Counts(7, 3, 6));
        assertThat(papers).containsExactlyElementsOf(GOOD_PAPERS);
        assertThat(problems).extracting(ContentProblem::line).containsExactly(3, 5, 5, 5, 5, 6);
    }

    @Test
    void windowsLineEndingsAndAByteOrderMarkAreFine() {
        String text = "\uFEFF" + Fixtures.text("jsonl/papers.jsonl").replace("\n", "\r\n");

        ContentLoad load = format.parse("dump.jsonl", text);

        assertThat(Loose.papers(load.loosePapers())).containsExactlyElementsOf(GOOD_PAPERS);
        assertThat(load.problems()).extracting(ContentProblem::line).containsExactly(3, 5, 5, 5, 5, 6);
    }

    @Test
    void aLineThatIsNotUtf8IsAProblemOnItsLineAndReadingGoesOn() throws IOException {
        List<String> lines = Fixtures.text("jsonl/papers.jsonl").lines().toList();
        Path file = dir.resolve("latin1.jsonl");
        byte[] bad = "{\"id\": \"2401.00009\", \"title\": \"Caf\u00e9\", \"authors\": []}\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, concat(concat((lines.get(0) + "\n").getBytes(StandardCharsets.UTF_8), bad),
                lines.get(1).getBytes(StandardCharsets.UTF_8)));

        ContentLoad load = format.load("latin1.jsonl", file);

        assertThat(Loose.papers(load.loosePapers())).containsExactly(GOOD_PAPERS.get(0), GOOD_PAPERS.get(1));
        assertThat(load.problems()).map(ContentProblem::toString)
                .containsExactly("latin1.jsonl:2: not valid UTF-8: save the file as UTF-8");
    }

    @Test
    void readsBytesWithWindowsLineEndingsAndAByteOrderMark() throws IOException {
        byte[] text = ("\uFEFF" + Fixtures.text("jsonl/papers.jsonl").replace("\n", "\r\n"))
                .getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("crlf.jsonl");
        Files.write(file, text);

        ContentLoad load = format.load("crlf.jsonl", file);

        assertThat(Loose.papers(load.loosePapers())).containsExactlyElementsOf(GOOD_PAPERS);
        assertThat(load.problems()).extracting(ContentProblem::line).containsExactly(3, 5, 5, 5, 5, 6);
    }

    @Test
    void aFileNamedGzThatIsNotGzipIsOneProblem() throws IOException {
        Path file = dir.resolve("plain.jsonl.gz");
        Files.write(file, Fixtures.bytes("jsonl/papers.jsonl"));

        ContentLoad load = format.load("plain.jsonl.gz", file);

        assertThat(Loose.papers(load.loosePapers())).isEmpty();
        assertThat(load.problems()).singleElement().asString()
                .startsWith("plain.jsonl.gz: cannot read the file: not a gzip file:");
    }

    @Test
    void linesLongerThanTheReadBufferAreReadWhole() throws IOException {
        String longAbstract = "word ".repeat(30_000).strip();
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            text.append("{\"id\": \"2402.0000").append(i).append("\", \"title\": \"Long ").append(i)
                    .append("\", \"authors\": [\"A\"], \"abstract\": \"").append(longAbstract).append("\"}\n");
        }
        Path file = dir.resolve("long.jsonl");
        Files.writeString(file, text);

        ContentLoad load = format.load("long.jsonl", file);

        assertThat(load.problems()).isEmpty();
        assertThat(Loose.papers(load.loosePapers())).extracting(Paper::title).containsExactly("Long 1", "Long 2", "Long 3");
        assertThat(Loose.papers(load.loosePapers())).allSatisfy(p -> assertThat(p.abstractText()).isEqualTo(longAbstract));
    }

    @Test
    void aLineOverTheLimitIsOneProblemAndTheLinesAroundItAreRead() throws IOException {
        String good = "{\"id\": \"2402.00001\", \"title\": \"Short\", \"authors\": [\"A\"]}\n";
        String huge = "{\"id\": \"2402.00002\", \"title\": \"" + "x".repeat(JsonlPaperFormat.MAX_LINE_BYTES) + "\"}\n";
        Path file = dir.resolve("huge.jsonl");
        Files.writeString(file, good + huge + good.replace("00001", "00003"));

        ContentLoad load = format.load("huge.jsonl", file);
        ContentLoad parsed = format.parse("huge.jsonl", Files.readString(file));

        assertThat(Loose.papers(load.loosePapers())).extracting(Paper::arxivId)
                .containsExactly("2402.00001", "2402.00003");
        assertThat(load.problems()).singleElement().asString().isEqualTo("huge.jsonl:2: a line longer than 1 MB,"
                + " skipped: a dump has one paper a line, each far shorter; is this file JSONL, with its line breaks?");
        assertThat(parsed.problems()).singleElement().asString().startsWith("huge.jsonl:2: a line longer than 1 MB");
        assertThat(Loose.papers(parsed.loosePapers())).hasSize(2);
    }

    @Test
    void theLimitCountsTheLineWithoutItsLineBreak() throws IOException {
        String head = "{\"id\": \"2402.00001\", \"authors\": [\"A\"], \"title\": \"";
        String atTheLimit = head + "x".repeat(JsonlPaperFormat.MAX_LINE_BYTES - head.length() - 2) + "\"}";
        for (String end : List.of("\n", "\r\n")) {
            Path file = dir.resolve("edge.jsonl");
            Files.writeString(file, atTheLimit + end + atTheLimit.replace("00001", "00002") + "x" + end);

            ContentLoad load = format.load("edge.jsonl", file);

            assertThat(Loose.papers(load.loosePapers())).extracting(Paper::arxivId).as("ending %s", end.length())
                    .containsExactly("2402.00001");
            assertThat(load.problems()).singleElement().asString().startsWith("edge.jsonl:2: a line longer than 1 MB");
        }
    }

    @Test
    void aFileWithoutLineBreaksIsOneLineTooLong() throws IOException {
        Path file = dir.resolve("one.jsonl");
        Files.write(file, new byte[3 * JsonlPaperFormat.MAX_LINE_BYTES]);

        ContentLoad load = format.load("one.jsonl", file);

        assertThat(load.problems()).singleElement().asString().startsWith("one.jsonl:1: a line longer than 1 MB");
        assertThat(load.loosePapers().count()).isZero();
    }

    @Test
    void aFileInTheWrongFormatGivesAHundredProblemsAndACount() throws IOException {
        Path file = dir.resolve("table.jsonl");
        Files.writeString(file, "id,title\n".repeat(150));

        ContentLoad load = format.load("table.jsonl", file);

        assertThat(load.problems()).hasSize(JsonlPaperFormat.MAX_PROBLEMS + 1);
        assertThat(load.problems().get(99).line()).isEqualTo(100);
        assertThat(load.problems().get(100)).asString()
                .isEqualTo("table.jsonl: and 50 more problems like the ones above");
    }

    @Test
    void aTruncatedGzipFileKeepsWhatWasReadAndSaysWhy() throws IOException {
        Path gz = dir.resolve("cut.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Fixtures.bytes("jsonl/papers.jsonl"));
        }
        byte[] whole = Files.readAllBytes(gz);
        Files.write(gz, Arrays.copyOf(whole, whole.length - 12));

        ContentLoad load = format.load("cut.jsonl.gz", gz);

        assertThat(load.problems()).last().asString().startsWith("cut.jsonl.gz: cannot read the file: ");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = new byte[a.length + b.length];
        System.arraycopy(a, 0, result, 0, a.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }
}
