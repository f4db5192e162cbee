package dev.paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.ContentFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchBatchTest {

    @TempDir
    Path dir;

    private String[] run(String... args) {
        CliRun run = CliRun.of(args);
        return new String[] {String.valueOf(run.code()), run.out(), run.err()};
    }

    @Test
    void printsOneJsonLinePerQueryWithItsTime() throws Exception {
        String content = ContentFiles.standard(dir.resolve("content")).toString();
        Path queries = ContentFiles.write(dir, "queries.txt", "transformers\n\ncolour\nau:\"Dee Voice\"\ntrasnformers\n");

        String[] result = run("search", "--content", content, "--data", dir.resolve("data").toString(), "--batch",
                queries.toString(), "--limit", "2");

        assertThat(result[0]).isEqualTo("0");
        List<String> lines = result[1].lines().toList();
        assertThat(lines).as("one answer a line, the blank one too").hasSize(5);
        lines = List.of(lines.get(0), lines.get(2), lines.get(3), lines.get(4));
        ObjectMapper mapper = new ObjectMapper();
        JsonNode first = mapper.readTree(lines.get(0));
        assertThat(first.get("query").asText()).isEqualTo("transformers");
        assertThat(first.get("total").asInt()).isEqualTo(3);
        assertThat(first.get("micros").asLong()).isPositive();
        assertThat(first.get("results")).hasSize(2);
        assertThat(first.get("results").get(0).fieldNames()).toIterable().containsExactly("id", "score");
        assertThat(mapper.readTree(lines.get(2)).get("results").get(0).get("id").asText()).isEqualTo("2211.09999");
        JsonNode corrected = mapper.readTree(lines.get(3));
        assertThat(corrected.get("corrected").asText()).isEqualTo("transformers");
        assertThat(corrected.get("total").asInt()).isEqualTo(3);
        String[] second = run("search", "--content", content, "--data", dir.resolve("data").toString(), "--batch",
                queries.toString(), "--limit", "2", "--page", "2");
        assertThat(mapper.readTree(second[1].lines().findFirst().orElseThrow()).get("results")).as("--page too")
                .hasSize(1);
    }

    @Test
    void textOutputPagesWithPageNotChatCommands() throws Exception {
        String content = ContentFiles.standard(dir.resolve("content")).toString();
        String data = dir.resolve("data").toString();

        String first = run("search", "--content", content, "--data", data, "--limit", "1", "transformers")[1];
        String second = run("search", "--content", content, "--data", data, "--limit", "1", "--page", "2",
                "transformers")[1];
        String[] past = run("search", "--content", content, "--data", data, "--limit", "1", "--page", "9",
                "transformers");

        assertThat(first).contains("Page 1 of 3", "\n1. ").endsWith("Add --page 2 for the next page.\n")
                .doesNotContain("/next");
        assertThat(second).contains("Page 2 of 3", "\n2. ").doesNotContain("/prev");
        assertThat(past[1]).isEqualTo("There are only 3 pages of results at --limit 1; ask for --page 3 or less.\n");
        assertThat(run("search", "--content", content, "--data", data, "--page", "0", "x")[2])
                .contains("--page must be a page number from 1 up, got 0");
    }

    @Test
    void whatCannotBeSearchedIsSaidWithWhatToTypeInstead() throws Exception {
        String content = ContentFiles.standard(dir.resolve("content")).toString();
        String data = dir.resolve("data").toString();

        String[] text = run("search", "--content", content, "--data", data, "transformers", "after:2025-13");
        String[] json = run("search", "--content", content, "--data", data, "--json", "-transformers");
        String[] helpLike = run("search", "--content", content, "--data", data, "--json", "-hidden", "-Vague",
                "transformers");
        assertThat(helpLike[1]).as("not -h or -V").startsWith("{\"total\":3,");

        assertThat(text[1]).isEqualTo("No papers match.\n“2025-13” is not a date: a month is 01 to 12; write one"
                + " such as after:2025-01-01.\n");
        assertThat(new ObjectMapper().readTree(json[1]).get("problems").get(0).asText())
                .isEqualTo("Only exclusions: a query needs a word to search for, such as transformer -vision.");
        assertThat(run("search", "--content", content, "--data", data, "zzzzzz")[1]).isEqualTo("No papers match.\n"
                + "Try fewer or other words, check the spelling, or drop filters such as au: or after:.\n");
    }

    @Test
    void aCurrentIndexAnswersWithoutReadingTheContentOrOpeningTheDatabase() throws Exception {
        Path content = ContentFiles.standard(dir.resolve("content"));
        Path data = dir.resolve("data");
        String[] first = run("search", "--content", content.toString(), "--data", data.toString(), "--json",
                "transformers");
        assertThat(first[0]).isEqualTo("0");
        Files.delete(data.resolve("paperboy.db"));

        String[] again = run("search", "--content", content.toString(), "--data", data.toString(), "--json",
                "transformers");

        assertThat(again[0]).isEqualTo("0");
        assertThat(again[1]).isEqualTo(first[1]);
        assertThat(data.resolve("paperboy.db")).as("served from the index alone").doesNotExist();

        Files.writeString(content.resolve("more.jsonl"), "{\"id\": \"2402.00001\", \"title\": \"Transformers"
                + " again\", \"authors\": [\"Ada\"], \"abstract\": \"\"}\n");
        String[] changed = run("search", "--content", content.toString(), "--data", data.toString(), "--json",
                "transformers");

        assertThat(new ObjectMapper().readTree(changed[1]).get("total").asInt())
                .isEqualTo(new ObjectMapper().readTree(first[1]).get("total").asInt() + 1);
        assertThat(data.resolve("paperboy.db")).as("changed content is read, as always").exists();
    }

    @Test
    void refusesBothAQueryAndABatch() {
        String content = ContentFiles.standard(dir.resolve("content")).toString();
        String[] result = run("search", "--content", content, "--batch", "q.txt", "graphs");
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2]).contains("either a query or --batch");
    }

    @Test
    void saysWhenTheBatchFileIsMissing() {
        String content = ContentFiles.standard(dir.resolve("content")).toString();
        String[] result = run("search", "--content", content, "--batch", dir.resolve("none.txt").toString());
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2]).contains("No query file at");
    }
}
