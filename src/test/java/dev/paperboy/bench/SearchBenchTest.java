package dev.paperboy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.bench.BenchQuery.Kind;
import dev.paperboy.core.Paper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchBenchTest {

    @TempDir
    Path dir;

    private static final String[] WORDS = {"graph", "sparse", "quantum", "galaxy", "transformer", "diffusion",
            "lattice", "spectral", "protein", "robot", "planner", "kernel", "photon", "entropy", "voxel", "tensor"};

    /** Invented papers with titles of three words drawn from a small vocabulary. */
    private static List<Paper> corpus(int size) {
        Random random = new Random(7);
        List<Paper> papers = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String title = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " "
                    + WORDS[random.nextInt(WORDS.length)] + " number" + i;
            papers.add(new Paper(String.format("2401.%05d", i + 1), 1, title,
                    List.of("Author" + (char) ('a' + i % 26) + " Person" + (char) ('a' + i % 7)),
                    "An invented abstract. It has two sentences about " + title + ".", "", List.of("cs.XX"),
                    LocalDate.of(2024, 1, 1).plusDays(i % 300), null, List.of()));
        }
        return papers;
    }

    @Test
    void typosAreDeterministicKeepTheFirstLetterAndChangeTheWord() {
        for (int seed = 0; seed < 50; seed++) {
            String typo = BenchQueries.typo("transformer", new Random(seed));
            assertThat(typo).isEqualTo(BenchQueries.typo("transformer", new Random(seed)))
                    .isNotEqualTo("transformer").startsWith("t");
            assertThat(Math.abs(typo.length() - "transformer".length())).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void knownItemsUseTheRarestTitleWordsInTitleOrder() {
        Map<String, Integer> df = Map.of("graph", 100, "sparse", 50, "quantum", 3, "walks", 2, "on", 1000);
        assertThat(BenchQueries.rarestWords("Sparse Quantum Walks on Graph", df, 3))
                .containsExactly("sparse", "quantum", "walks");
    }

    @Test
    void generatedQueriesHaveKnownAnswersAndAreTheSameForTheSameSeed() {
        List<Paper> papers = corpus(300);
        List<BenchQuery> first = BenchQueries.generate(papers, papers.size(), 20, 42);
        assertThat(first).isEqualTo(BenchQueries.generate(papers, papers.size(), 20, 42));
        assertThat(first).filteredOn(q -> q.kind() == Kind.KNOWN_ITEM).hasSize(20)
                .allSatisfy(q -> assertThat(q.relevant()).hasSize(1));
        assertThat(first).filteredOn(q -> q.kind() == Kind.AUTHOR).isNotEmpty()
                .allSatisfy(q -> assertThat(q.relevant()).isNotEmpty());
        assertThat(first).filteredOn(q -> q.kind() == Kind.TOPIC).hasSize(BenchQueries.TOPICS.size());
    }

    @Test
    void scalingMakesExactlyTheWantedNumberOfDistinctPapers() {
        List<Paper> scaled = BenchCorpus.scale(corpus(50), 400, 1);
        assertThat(scaled).hasSize(400);
        assertThat(scaled.stream().map(Paper::key).distinct()).hasSize(400);
        assertThat(BenchCorpus.scale(corpus(50), 10, 1)).hasSize(10);
    }

    @Test
    void ftsMatchQuotesEveryWordSoNothingIsSyntax() {
        assertThat(Fts5Engine.safeMatch("large \"language\" NEAR(models) -x OR y*")).isEqualTo(
                "\"large\" \"language\" \"near\" \"models\" \"x\" \"or\" \"y\"");
        assertThat(Fts5Engine.safeMatch("*** ()")).isEmpty();
    }

    @Test
    void metricsFollowTheirDefinitions() {
        BenchQuery query = new BenchQuery(Kind.AUTHOR, "x", Set.of("a", "b"));
        assertThat(SearchBench.reciprocalRank(List.of("c", "b", "a"), query)).isEqualTo(0.5);
        assertThat(SearchBench.recall(List.of("c", "b"), query)).isEqualTo(0.5);
        assertThat(SearchBench.percentile(new double[] {1, 2, 3, 4}, 50)).isEqualTo(2);
        assertThat(SearchBench.percentile(new double[] {1, 2, 3, 4}, 99)).isEqualTo(4);
    }

    @Test
    void aSmallRunPrintsBothEnginesSideBySide() throws Exception {
        String out = runBench(dump(200), 300);

        assertThat(out).contains("corpus: 300 papers", "| measure | Paperboy | SQLite FTS5 | ratio |",
                "| known item MRR@10 |", "| topic throughput (q/s) |", "| build (s) |",
                "A new process serving Paperboy's index with -Xmx256m (median of 1 run): first answer");
        assertThat(out).containsPattern("first answer \\d+ ms after starting the JVM \\(no class-data"
                + " archive from a class path of folders\\); heap \\d+\\.\\d MB at its peak and \\d+\\.\\d MB after a GC");
        assertThat(out).contains("Import is timed on the corpus file only, so not with --scale.");
        try (var left = Files.list(dir.resolve("work"))) {
            assertThat(left.toList()).isEmpty();
        }
    }

    @Test
    void importOfTheCorpusFileIsTimedInANewProcessAgainstTheFts5Build() throws Exception {
        String out = runBench(dump(150), 0);

        assertThat(out).containsPattern("Import of corpus.jsonl in a new process, start to finish \\(median"
                + " of 1 run\\): \\d+\\.\\d s, against SQLite FTS5's build of \\d+\\.\\d s above: \\d+\\.\\d\\d× as fast\\.");
        try (var left = Files.list(dir.resolve("work"))) {
            assertThat(left.toList()).isEmpty();
        }
    }

    /** What a small run prints: one round, 10 queries a kind, one cold start and one import. */
    private String runBench(Path dump, int scale) throws Exception {
        StringWriter out = new StringWriter();
        new SearchBench(new SearchBench.Options(dump, null, scale, 10, 1, 0, 42, dir.resolve("work"), 0, 1, 1),
                new PrintWriter(out, true)).run();
        return out.toString();
    }

    /** A JSONL dump of {@code count} invented papers. */
    private Path dump(int count) throws IOException {
        Path dump = dir.resolve("corpus.jsonl");
        StringBuilder jsonl = new StringBuilder();
        for (Paper paper : corpus(count)) {
            jsonl.append(String.format("{\"id\": \"%s\", \"title\": \"%s\", \"authors\": [\"%s\"], \"abstract\": \"%s\","
                            + " \"published\": \"%s\"}%n", paper.arxivId(), paper.title(), paper.authors().get(0),
                    paper.abstractText(), paper.published()));
        }
        return Files.writeString(dump, jsonl);
    }
}
