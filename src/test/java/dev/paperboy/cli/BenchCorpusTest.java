package dev.paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.Main;
import dev.paperboy.content.JsonlPaperFormat;
import dev.paperboy.core.Paper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code bench corpus} writes a scaled corpus as a dump the content reads back whole. */
class BenchCorpusTest {

    @TempDir
    Path dir;

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void writesExactlyNDistinctPapersThatReadBack() throws Exception {
        List<Paper> real = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            real.add(new Paper(String.format("2401.%05d", i), 1, "A real title number " + i, List.of("Ann Author"),
                    "First sentence " + i + ". Second sentence. Third one.", "", List.of("cs.LG"),
                    java.time.LocalDate.of(2024, 1, i), null, List.of()));
        }
        Path corpus = dir.resolve("real.jsonl");
        JsonlPaperFormat.write(real, corpus);
        Path out = dir.resolve("scaled.jsonl");

        String[] result = run("bench", "corpus", "--corpus", corpus.toString(), "--scale", "40", "--out", out.toString());

        assertThat(result[0]).isEqualTo("0");
        assertThat(result[1]).isEqualTo("Wrote 40 papers to " + out + System.lineSeparator());
        List<Paper> read = new ArrayList<>();
        new JsonlPaperFormat().read("scaled.jsonl", out, read::add, problem -> {
            throw new AssertionError(problem.toString());
        });
        assertThat(read).hasSize(40).startsWith(real.toArray(Paper[]::new));
        assertThat(read.stream().map(Paper::key).distinct()).hasSize(40);
        assertThat(Files.readAllLines(out)).hasSize(40);
    }

    @Test
    void aMissingCorpusOrABadScaleSaysWhatToPass() {
        String[] missing = run("bench", "corpus", "--corpus", dir.resolve("none.jsonl").toString(), "--scale", "3",
                "--out", dir.resolve("x.jsonl").toString());
        assertThat(missing[0]).isEqualTo("2");
        assertThat(missing[2]).contains("No corpus at").contains("--corpus");
    }
}
