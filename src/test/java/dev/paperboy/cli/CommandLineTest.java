package dev.paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.ContentFiles;
import dev.paperboy.content.JsonDigestFormat;
import dev.paperboy.core.ContentLoad;
import dev.paperboy.core.Digest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTest {

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        // Every subcommand takes --data; keep the index and imports out of the checkout.
        String[] withData = java.util.Arrays.copyOf(args, args.length + 2);
        withData[args.length] = "--data";
        withData[args.length + 1] = dir.resolve("data").toString();
        return CliRun.of(withData);
    }

    private String content() {
        return ContentFiles.standard(dir.resolve("content")).toString();
    }

    @Test
    void checkPassesOnGoodContent() {
        CliRun result = run("check", "--content", content());
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("holds 2 topics, 2 digests, 3 papers").doesNotContain("Note:");
    }

    @Test
    void checkNotesCopiesInTheDumps() {
        String content = content();
        ContentFiles.write(Path.of(content), "dump.jsonl", """
                {"id": "2401.00001", "title": "A dump paper", "authors": ["A. One"], "abstract": "x"}
                {"id": "2401.00001", "title": "The same paper again", "authors": ["A. One"], "abstract": "x"}
                """);

        CliRun result = run("check", "--content", content);

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("holds 2 topics, 2 digests, 4 papers")
                .contains("Note: 1 paper in the JSONL dumps repeats the arXiv id");
    }

    @Test
    void checkListsEveryProblemAndExitsOne() {
        String content = content();
        ContentFiles.write(Path.of(content), "bad.txt", "Topic\n\n2022-13-45\n");
        ContentFiles.write(Path.of(content), "bad.json", "{\"topic\": \"X\"");
        CliRun result = run("check", "--content", content);
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("bad.txt:3:", "bad.json:1:", "in " + content, "; nothing was changed.");
    }

    @Test
    void optionsBeforeTheSubcommandApplyToIt() {
        Path data = dir.resolve("data");
        CliRun before = CliRun.of("--data", data.toString(), "--content", content(), "check");
        assertThat(before.code()).isZero();
        assertThat(before.out()).contains("holds 2 topics, 2 digests, 3 papers");

        Path empty = dir.resolve("empty");
        ContentFiles.write(empty, "only.json", """
                {"topic": "Only", "date": "2025-01-02", "papers": [{"id": "2501.00001", "title": "T",
                 "authors": ["A. One"], "abstract": "x"}]}
                """);
        CliRun both = CliRun.of("--data", data.toString(), "--content", content(), "check",
                "--content", empty.toString());
        assertThat(both.out()).contains("holds 1 topic, 1 digest, 1 paper");
    }

    @Test
    void aBadConfigurationIsOneLineAndExitTwo() {
        Path config = ContentFiles.write(dir, "p.yml", "timezone: Mars/Base\n");
        CliRun result = run("check", "--config", config.toString(), "--content", content());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err().strip()).startsWith("Configuration error: ").contains("\"timezone\"")
                .doesNotContain("\n");
    }

    @Test
    void searchPrintsJson() throws Exception {
        CliRun result = run("search", "--content", content(), "--json", "--limit", "2", "transformers");
        assertThat(result.code()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("total").asInt()).isEqualTo(3);
        assertThat(json.get("results")).hasSize(2);
        JsonNode first = json.get("results").get(0);
        assertThat(first.fieldNames()).toIterable().contains("id", "title", "topic", "date", "score");
        assertThat(result.out()).contains("\"id\":\"2211.09999\"", "\"topic\":\"Speech\"", "\"date\":\"2022-11-16\"");
    }

    @Test
    void searchPrintsText() {
        CliRun result = run("search", "--content", content(), "colour");
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("Colour Constancy with Attention");
    }

    @Test
    void searchRejectsABadLimit() {
        CliRun result = run("search", "--content", content(), "--limit", "0", "x");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--limit must be between 1 and 100");
    }

    @ParameterizedTest
    @ValueSource(strings = {"console", "telegram", "discord"})
    void renderPrintsOneBlockPerMessage(String platform) {
        CliRun result = run("render", "--content", content(), "--platform", platform, "--topic", "Vision Transformer",
                "--date", "2022-11-15");
        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("=== message 1 of ").contains("Sparse Patches for Fast Vision Transformers");
    }

    @Test
    void renderTelegramIsHtml() {
        CliRun result = run("render", "--content", content(), "--platform", "telegram");
        assertThat(result.out()).contains("<b>", "Listening Transformers");
    }

    @Test
    void renderSaysWhenThereIsNoSuchDigest() {
        CliRun result = run("render", "--content", content(), "--platform", "console", "--topic", "Robots");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("No digest of topic \"Robots\"");
    }

    @Test
    void exportIsTheJsonContentFormatAndReadsBack() {
        CliRun result = run("export", "--content", content());
        assertThat(result.code()).isZero();
        ContentLoad back = new JsonDigestFormat().parse("export.json", result.out());
        assertThat(back.problems()).isEmpty();
        assertThat(back.digests()).extracting(Digest::topic).containsExactly("Speech", "Vision Transformer");
        assertThat(back.digests().get(1).papers()).hasSize(2);
        assertThat(back.digests().get(0).papers().get(0).arxivId()).isEqualTo("2211.09999");
    }

    @Test
    void exportAndCheckSeeImportedDigestsToo() {
        String content = content();
        Path robots = ContentFiles.write(dir.resolve("incoming"), "robots.txt",
                "Robots\n\n2022-11-17\n\nA Robot Paper\n\nAuthors: R. Bot\n\nText.\n");
        assertThat(run("import", "--content", content, robots.toString()).code()).isZero();
        assertThat(run("export", "--content", content).out()).contains("\"topic\": \"Robots\"");
        assertThat(run("check", "--content", content).out()).contains("3 topics, 3 digests, 4 papers");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "check", "search", "render", "export"})
    void everySubcommandHasHelp(String name) {
        CliRun result = run(name, "--help");
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("--config", "--content", "--data");
    }
}
