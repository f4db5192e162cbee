package dev.paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.ContentFiles;
import dev.paperboy.Main;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImportSubcommandTest {

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Result(cli.execute(args), out.toString(), err.toString());
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

        Result result = run("import", "--content", content, "--data", data, dump.toString(), digest.toString());

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.err()).contains("dump.jsonl.gz:2: ").contains("(skipped)");
        assertThat(result.out()).contains("dump.jsonl.gz: 2 papers, 1 malformed skipped")
                .contains("listening.json: 1 papers in 1 digests")
                .contains("Imported 3 papers from 2 file(s), 1 malformed skipped");
        assertThat(dir.resolve("data/imported/dump.jsonl")).exists();

        Result search = run("search", "--content", content, "--data", data, "quantum walks");
        assertThat(search.out()).contains("Imported Quantum Walks");
    }

    @Test
    void aSecondImportOfTheSameFileChangesNothingInTheIndex() {
        String content = ContentFiles.standard(dir.resolve("content")).toString();
        String data = dir.resolve("data").toString();
        Path dump = ContentFiles.write(dir, "dump.jsonl", DUMP);
        assertThat(run("import", "--content", content, "--data", data, dump.toString()).code()).isZero();

        Result again = run("import", "--content", content, "--data", data, dump.toString());

        assertThat(again.out()).contains("index: 0 added, 0 changed, 0 deleted");
    }

    @Test
    void aMissingFileImportsNothing() {
        Result result = run("import", "--data", dir.resolve("data").toString(), dir.resolve("none.jsonl").toString());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("No file at");
    }
}
