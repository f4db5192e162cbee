package dev.paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.content.JsonlPaperFormat;
import dev.paperboy.core.Paper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench corpus} writes a scaled corpus as a dump the content reads back whole. */
class BenchCorpusTest {

    @TempDir
    Path dir;

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

        CliRun result = CliRun.of("bench", "corpus", "--corpus", corpus.toString(), "--scale", "40", "--out", out.toString());

        assertThat(result.code()).isZero();
        assertThat(result.out()).isEqualTo("Wrote 40 papers to " + out + System.lineSeparator());
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
        CliRun missing = CliRun.of("bench", "corpus", "--corpus", dir.resolve("none.jsonl").toString(), "--scale", "3",
                "--out", dir.resolve("x.jsonl").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("No corpus at").contains("--corpus");
    }
}
