package dev.paperboy.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.Loose;
import dev.paperboy.core.ContentLoad;
import dev.paperboy.core.ContentProblem;
import dev.paperboy.core.Digest;
import dev.paperboy.core.DigestSource;
import dev.paperboy.core.Paper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonDigestFormatTest {

    private final JsonDigestFormat format = new JsonDigestFormat();

    @Test
    void readsOneDigestIgnoringUnknownFields() {
        ContentLoad load = format.parse("robots.json", Fixtures.text("json/one-digest.json"));

        assertThat(load.problems()).isEmpty();
        assertThat(Loose.papers(load.loosePapers())).isEmpty();
        assertThat(load.digests()).containsExactly(new Digest("Robot Learning", LocalDate.of(2024, 3, 11), List.of(
                new Paper("2403.04567", 3, "Grasping Soft Objects from One Demonstration",
                        List.of("Maya Torres", "Felix Brandt"),
                        "A robot learns to pick up sponges and dough after a single demonstration.\n\n"
                                + "We release the dataset.",
                        "Accepted at an imaginary robotics venue", List.of("cs.RO", "cs.LG"),
                        LocalDate.of(2024, 3, 8), null, List.of("https://example.org/soft-grasp")),
                Paper.of(null, "A Survey of Legged Locomotion Benchmarks", List.of("Oskar Nyberg"), "", "")),
                new DigestSource("robots.json", 1, "Compiled by the Paperboy test team")));
    }

    @Test
    void readsAnArrayOfDigestsEachWithTheLineItStartsOn() {
        ContentLoad load = format.parse("export.json", "\uFEFF" + Fixtures.text("json/two-digests.json"));

        assertThat(load.problems()).isEmpty();
        assertThat(load.digests()).containsExactly(
                new Digest("Robot Learning", LocalDate.of(2024, 3, 12), List.of(
                        Paper.of("2403.05555", "Walking on Ice with World Models", List.of("Ana Lopes"),
                                "Slippery floors.", "")),
                        new DigestSource("export.json", 2, "")),
                new Digest("Quantum Computing", LocalDate.of(2024, 3, 12), List.of(
                        Paper.of("quant-ph/0101001", "Error Correction for Beginners",
                                List.of("Lee Park", "Ruth Adler"), "A gentle start.", "")),
                        new DigestSource("export.json", 9, "")));
    }

    @Test
    void malformedJsonIsOneProblemOnTheLineJacksonStoppedAt() {
        List<String> problems = problems("""
                {
                  "topic": "X",
                  "date": "2024-01-01"
                  "papers": []
                }
                """);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith("x.json:4: malformed JSON: Unexpected character ('\"'");
    }

    @Test
    void eachWrongFieldIsReportedOnItsOwnLine() {
        assertThat(problems("""
                {
                  "topic": "X",
                  "date": "2024-1-5",
                  "papers": [
                    {"title": "One", "authors": ["A"]},
                    {"title": "Two", "authors": ["B"]},
                    {
                      "authors": ["C"]
                    },
                    {
                      "id": "arxiv 123",
                      "title": "Four",
                      "authors": "D, E",
                      "published": "yesterday",
                      "categories": ["cs.AI", 7],
                      "version": 0
                    },
                    "Five"
                  ]
                }
                """)).containsExactly(
                "x.json:18: paper 5 must be an object, got \"Five\"",
                "x.json:3: \"date\" must be YYYY-MM-DD, got \"2024-1-5\"",
                "x.json:7: \"title\" is missing in paper 3",
                "x.json:11: \"id\" must be an arXiv id such as \"2211.07638\" in paper 4, got \"arxiv 123\"",
                "x.json:16: \"version\" must be a whole number of 1 or more in paper 4, got 0",
                "x.json:13: \"authors\" must be a list of strings in paper 4, got \"D, E\"",
                "x.json:15: \"categories\" must be a list of strings in paper 4, got [\"cs.AI\",7]",
                "x.json:14: \"published\" must be YYYY-MM-DD in paper 4, got \"yesterday\"");
    }

    @Test
    void digestLevelMistakesAreReported() {
        assertThat(problems("""
                {"date": "2024-01-01", "topic": "  ", "papers": []}
                """)).containsExactly(
                "x.json:1: \"topic\" must not be empty",
                "x.json:1: digest (without topic) has no papers: \"papers\" must list at least one");
        assertThat(problems("""
                {"topic": "T",
                 "date": 20240101}
                """)).containsExactly(
                "x.json:2: \"date\" must be a string, got 20240101",
                "x.json:1: \"papers\" is missing: expected a list of paper objects");
        assertThat(problems("""
                {"topic": "T", "date": "2024-01-01", "papers": {"title": "Alone"}}
                """)).containsExactly("x.json:1: \"papers\" must be a list of paper objects");
        assertThat(problems("\"just text\"")).containsExactly("x.json:1: expected a digest {\"topic\": ...,"
                + " \"date\": \"YYYY-MM-DD\", \"papers\": [...]} or an array of digests, got \"just text\"");
        assertThat(problems("  \n")).containsExactly("x.json: the file is empty: expected a digest {\"topic\": ...,"
                + " \"date\": \"YYYY-MM-DD\", \"papers\": [...]} or an array of digests");
        assertThat(problems("{\"topic\": \"T\", \"topic\": \"U\"}"))
                .containsExactly("x.json:1: malformed JSON: Duplicate field 'topic'");
        assertThat(problems("{} {}")).contains(
                "x.json:1: malformed JSON: more than one value; put several digests in one array [...]");
    }

    @Test
    void problemsInAnArrayNameTheDigest() {
        assertThat(problems("""
                [
                  {"topic": "A", "date": "2024-01-01", "papers": [{"title": "T", "authors": ["X"]}]},
                  {"topic": "B", "date": "2024-01-02", "papers": [{"title": "T", "authors": ["X"]}, {"title": 5}]},
                  42
                ]
                """)).containsExactly(
                "x.json:3: \"title\" must be a string in paper 2 of digest 2, got 5",
                "x.json:3: \"authors\" is missing in paper 2 of digest 2",
                "x.json:4: digest 3 must be an object {\"topic\": ..., \"date\": \"YYYY-MM-DD\", \"papers\": [...]},"
                        + " got 42");
    }

    @Test
    void writesThisExactFormat() {
        Digest digest = new Digest("Robot Learning", LocalDate.of(2024, 3, 12), List.of(
                new Paper("2403.05555", 2, "Walking on Ice", List.of("Ana Lopes", "Jo Wu"), "Slippery.", "",
                        List.of("cs.RO"), LocalDate.of(2024, 3, 11), null, List.of()),
                Paper.of(null, "No Id", List.of(), "", "Tech Report")),
                new DigestSource("a.txt", 1, "文章作者: 某人"));

        assertThat(format.write(List.of(digest))).isEqualTo("""
                [
                  {
                    "topic": "Robot Learning",
                    "date": "2024-03-12",
                    "papers": [
                      {
                        "id": "2403.05555",
                        "version": 2,
                        "title": "Walking on Ice",
                        "authors": [
                          "Ana Lopes",
                          "Jo Wu"
                        ],
                        "abstract": "Slippery.",
                        "comment": "",
                        "categories": [
                          "cs.RO"
                        ],
                        "published": "2024-03-11"
                      },
                      {
                        "title": "No Id",
                        "authors": [ ],
                        "abstract": "",
                        "comment": "Tech Report"
                      }
                    ],
                    "attribution": "文章作者: 某人"
                  }
                ]
                """);
    }

    @Test
    void whatItWritesReadsBackToEqualDigests() {
        List<Digest> digests = new ArrayList<>();
        digests.addAll(format.parse("a.json", Fixtures.text("json/one-digest.json")).digests());
        digests.addAll(format.parse("b.json", Fixtures.text("json/two-digests.json")).digests());
        digests.addAll(new SeedTextParser().parse("c.txt", Fixtures.text("text/seed-shaped.txt")).digests());
        digests.addAll(new SeedTextParser().parse("d.txt", Fixtures.text("text/several-digests.txt")).digests());
        digests.add(new Digest("Everything", LocalDate.of(2020, 2, 29), List.of(new Paper("math/0601001v4", 0,
                "All \"Fields\" \\ Set", List.of("Ö. Ünal"), "Line one\nline two", "c", List.of("math.CO"),
                LocalDate.of(2006, 1, 1), LocalDate.of(2007, 5, 6), List.of("https://example.org/x?a=1&b=2"))),
                new DigestSource("e.json", 1, "")));

        ContentLoad back = format.parse("export.json", format.write(digests));

        assertThat(back.problems()).isEmpty();
        assertThat(back.digests()).hasSize(digests.size());
        for (int i = 0; i < digests.size(); i++) {
            Digest written = digests.get(i);
            Digest read = back.digests().get(i);
            assertThat(read.topic()).isEqualTo(written.topic());
            assertThat(read.date()).isEqualTo(written.date());
            assertThat(read.papers()).isEqualTo(written.papers());
            assertThat(read.source().attribution()).isEqualTo(written.source().attribution());
        }
    }

    private List<String> problems(String json) {
        return format.parse("x.json", json).problems().stream().map(ContentProblem::toString).toList();
    }
}
