package dev.paperboy.search;

import static dev.paperboy.search.Papers.library;
import static dev.paperboy.search.Papers.paper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.paperboy.core.SearchPage;
import dev.paperboy.core.SearchRequest;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Anything a user types is answered, at worst with no results, and never with an exception. */
class HostileQueryTest {

    private static LuceneSearchIndex index;

    @BeforeAll
    static void build() throws Exception {
        index = new LuceneSearchIndex();
        index.libraryChanging(library(
                paper("2401.00001").title("Graph transformers (and C++) at 100% scale")
                        .authors("Md. Tanzib Hosain", "Zoë O'Brien").abs("We use a * b + c and {x} [y] ^z ~w."),
                paper("2401.00002").title("Vision 🚀 models").abs("Emoji 🚀 in abstracts.")));
    }

    @AfterAll
    static void close() {
        index.close();
    }

    static Stream<String> nasty() {
        return Stream.of(
                "\"", "\"\"", "\"unbalanced", "unbalanced\"", "a \"b", "-", "--", "- -", "+", "-\"", "-\"\"",
                "***", "*", "?", "~", "^", "\\", "/", "//", ":", "::", "au:", "au:\"", "au:\"\"", "ti:\"unclosed",
                "cat:", "id:", "after:", "before:", "date:", "date:-", "date:9999999999", "date:0000-00-00",
                "after:2025-02-30", "sort:", "sort:nonsense", "OR", "OR OR OR", "a OR", "OR a", "-a OR b",
                "graph AND transformers", "graph && transformers || vision", "!graph", "(graph)", "{graph}",
                "[graph TO vision]", "graph^10", "graph~2", "\"graph transformers\"~5", "graph:*", "title:(a b)",
                "+graph -vision", "a:b:c:d", "http://arxiv.org/abs/2401.00001", "C++", "100%", "@everyone",
                "<script>alert(1)</script>", "'; DROP TABLE papers; --", "\u0000", "\t\n\r", "\uFFFF", "\uD83D",
                "🚀", "🚀🚀🚀", "👩‍👩‍👧‍👦", "中文 搜索", "العربية", "Zoë", "ZOË", "x".repeat(2000),
                "graph ".repeat(400), "\"a\" ".repeat(500), "-a ".repeat(700), "a OR ".repeat(400),
                "au:\"x\" ".repeat(300), "cat:cs ".repeat(300), "trasnformr ".repeat(200),
                "abcdefghij".repeat(200), "🚀".repeat(1000), "\\\"".repeat(1000), "*?".repeat(1000),
                "\"" + "graph ".repeat(399) + "\"", "-" + "\"".repeat(1999),
                "au:\"" + "a-".repeat(990) + " b\"", "au:" + "Ab-".repeat(600), "au:\"" + "x- ".repeat(600) + "\"",
                "au:\"-_-_ _\"", "au:\"M.-.-H. Yang\"", "au:\"‐‑ Yang\"");
    }

    @ParameterizedTest
    @MethodSource("nasty")
    void neverThrows(String query) {
        assertThatCode(() -> {
            SearchPage page = index.search(new SearchRequest(query, 1, 10));
            assertThat(page.hits()).hasSizeLessThanOrEqualTo(10);
            assertThat(page.total()).isGreaterThanOrEqualTo(page.hits().size());
            index.search(new SearchRequest(query, 3, 100));
        }).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @MethodSource("nasty")
    void aWordStillFindsItsPaperBesideNoise(String noise) {
        // noise that only excludes or filters oddly may empty the result; it must never throw
        assertThatCode(() -> index.search(new SearchRequest("graph " + noise, 1, 10))).doesNotThrowAnyException();
    }

    @org.junit.jupiter.api.Test
    void aNameOfHundredsOfPartsIsRefusedSayingSo() {
        SearchPage page = index.search(new SearchRequest("au:" + "Ab-".repeat(600), 1, 10));

        assertThat(page.total()).isZero();
        assertThat(page.problems()).containsExactly(
                "The query is too complex to search (a word or name of very many parts): shorten it.");
    }

    @org.junit.jupiter.api.Test
    void syntaxCharactersAreJustPunctuation() {
        assertThat(index.search(new SearchRequest("(graph) [transformers]! && \\scale", 1, 10)).total()).isEqualTo(1);
        assertThat(index.search(new SearchRequest("C++", 1, 10)).total()).isEqualTo(1);
        assertThat(index.search(new SearchRequest("vision 🚀", 1, 10)).total()).as("emoji are not searched for")
                .isEqualTo(1);
        assertThat(index.search(new SearchRequest("🚀", 1, 10)).total()).isZero();
        assertThat(index.search(new SearchRequest("au:o'brien", 1, 10)).total()).isEqualTo(1);
        assertThat(index.search(new SearchRequest("au:zoe", 1, 10)).total()).isEqualTo(1);
    }
}
