package dev.paperboy.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.Loose;
import dev.paperboy.core.ContentLoad;
import dev.paperboy.core.ContentProblem;
import dev.paperboy.core.Digest;
import dev.paperboy.core.DigestSource;
import dev.paperboy.core.Paper;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedTextParserTest {

    private final SeedTextParser parser = new SeedTextParser();

    @Test
    void readsAFileLaidOutExactlyLikeTheSeed() {
        ContentLoad load = parser.parse("graph.txt", Fixtures.text("text/seed-shaped.txt"));

        assertThat(load.problems()).isEmpty();
        assertThat(Loose.papers(load.loosePapers())).isEmpty();
        assertThat(load.digests()).containsExactly(seedShapedDigest("graph.txt"));
    }

    @Test
    void windowsLineEndingsByteOrderMarkAndTrailingSpacesChangeNothing() {
        String crlf = "\uFEFF" + Fixtures.text("text/seed-shaped.txt").replace("\n", "  \r\n");

        ContentLoad load = parser.parse("graph.txt", crlf);

        assertThat(load.problems()).isEmpty();
        assertThat(load.digests()).containsExactly(seedShapedDigest("graph.txt"));
    }

    @Test
    void oldMacLineEndingsAndExtraBlankLinesChangeNothing() {
        String text = "\n\n\n" + Fixtures.text("text/seed-shaped.txt").replace("\n\n", "\n\n\n\n").replace("\n", "\r");

        ContentLoad load = parser.parse("graph.txt", text);

        assertThat(load.problems()).isEmpty();
        // The topic moved down by the three blank lines added in front.
        assertThat(load.digests()).containsExactly(withSource(seedShapedDigest("graph.txt"),
                new DigestSource("graph.txt", 4, seedShapedDigest("graph.txt").source().attribution())));
    }

    @Test
    void readsSeveralDigestsParagraphsArxivIdsAndEveryDateForm() {
        ContentLoad load = parser.parse("several.txt", Fixtures.text("text/several-digests.txt"));

        assertThat(load.problems()).isEmpty();
        assertThat(load.digests()).containsExactly(
                new Digest("Speech Recognition", LocalDate.of(2024, 2, 5), List.of(
                        new Paper("2402.01234", 2, "Streaming Decoders Without Lookahead",
                                List.of("Ines Duarte", "Kofi Mensah"),
                                "Streaming speech recognisers usually peek at future audio frames. We show that a"
                                        + " decoder trained with delayed targets needs no lookahead at all.\n\n"
                                        + "A second paragraph explains the training recipe, which is wrapped over"
                                        + " two lines.",
                                "9 pages, 4 figures", List.of(), null, null, List.of())),
                        new DigestSource("several.txt", 1, "")),
                new Digest("Speech Recognition", LocalDate.of(2024, 2, 6), List.of(
                        Paper.of(null, "Whisper-Sized Models on a Phone", List.of("Tarek Aziz"),
                                "We fit a speech model into forty megabytes.", "")),
                        new DigestSource("several.txt", 15, "")),
                new Digest("Protein Design", LocalDate.of(2024, 2, 6), List.of(
                        Paper.of("2402.05678", "Folding Backwards: Sequence Design from Structure",
                                List.of("Nadia Petrov", "Hugo Lemaire"),
                                "Inverse folding turns a backbone into a sequence.", "")),
                        new DigestSource("several.txt", 22, "")));
    }

    @Test
    void englishFooterLinesAreAttributionToo() {
        ContentLoad load = parser.parse("a.txt", """
                Topic
                2024-01-01
                A Title
                Authors: Ann Example
                An abstract.

                Copyright: CC BY 4.0, Example Blog
                Post link: https://blog.example/2024-01-01
                """);

        assertThat(load.problems()).isEmpty();
        assertThat(load.digests().get(0).source().attribution())
                .isEqualTo("Copyright: CC BY 4.0, Example Blog\nPost link: https://blog.example/2024-01-01");
        assertThat(load.digests().get(0).papers().get(0).abstractText()).isEqualTo("An abstract.");
    }

    @Test
    void footerLikeTextFollowedByMoreAbstractStaysInTheAbstract() {
        ContentLoad load = parser.parse("a.txt", """
                Topic
                2024-01-01
                A Title
                Authors: Ann Example
                License: the data set is CC0.

                The rest of the abstract.
                """);

        assertThat(load.problems()).isEmpty();
        assertThat(load.digests().get(0).source().attribution()).isEmpty();
        assertThat(load.digests().get(0).papers().get(0).abstractText())
                .isEqualTo("License: the data set is CC0.\n\nThe rest of the abstract.");
    }

    @Test
    void aTitleWithoutAuthorsLineAfterAPdfLineIsReportedAtTheLineAfterTheTitle() {
        assertThat(problems("""
                Topic A
                2024-01-01

                First Paper
                Authors: A. One
                Abstract one.
                PDF note

                Second Paper Without Authors

                Its abstract.

                Third Paper
                Authors: C. Three
                Abstract three.
                """)).containsExactly(
                "bad.txt:11: \"Authors:\" line expected after the title \"Second Paper Without Authors\"");
    }

    @Test
    void aFirstTitleWithoutAuthorsLineIsReported() {
        assertThat(problems("""
                Topic A
                2024-01-01
                Lonely Title
                Its abstract.
                Next Title
                Authors: B. Two
                """)).containsExactly("bad.txt:4: \"Authors:\" line expected after the title \"Lonely Title\"");
    }

    @Test
    void badDatesAreReportedOnTheDateLine() {
        assertThat(problems("""
                Topic X
                2022-13-45
                A Title
                Authors: A. One
                """)).containsExactly("bad.txt:2: bad date \"2022-13-45\" on the line after the topic \"Topic X\":"
                + " expected YYYY-MM-DD, optionally followed by \"update\" or \"更新\"");
        assertThat(problems("""
                Topic X
                2022-11-15 tomorrow
                A Title
                Authors: A. One
                """)).containsExactly("bad.txt:2: bad date \"2022-11-15 tomorrow\" on the line after the topic"
                + " \"Topic X\": expected YYYY-MM-DD, optionally followed by \"update\" or \"更新\"");
        assertThat(problems("""
                Topic X
                2022/11/15
                A Title
                Authors: A. One
                """)).containsExactly("bad.txt:2: bad date \"2022/11/15\" on the line after the topic"
                + " \"Topic X\": expected YYYY-MM-DD, optionally followed by \"update\" or \"更新\"");
    }

    @Test
    void anEmptyAuthorsLineIsReported() {
        assertThat(problems("""
                Topic
                2024-01-01
                A Title
                Authors:
                An abstract.
                Other Title
                Authors: , ,
                """)).containsExactly(
                "bad.txt:4: empty \"Authors:\" line for \"A Title\": expected the names after \"Authors:\","
                        + " separated by commas",
                "bad.txt:7: empty \"Authors:\" line for \"Other Title\": expected the names after \"Authors:\","
                        + " separated by commas");
    }

    @Test
    void aDigestWithoutPapersIsReported() {
        assertThat(problems("""
                Empty Topic
                2024-01-01

                Full Topic
                2024-01-02
                A Title
                Authors: A. One
                """)).containsExactly("bad.txt:1: digest \"Empty Topic\" 2024-01-01 has no papers: expected a"
                + " title line, then an \"Authors:\" line, after the date");
    }

    @Test
    void textBeforeTheTopicIsReported() {
        assertThat(problems("""
                # my notes

                Topic
                2024-01-01
                A Title
                Authors: A. One
                """)).containsExactly("bad.txt:1: text before the topic: expected the file to start with a topic"
                + " line, then a date line (YYYY-MM-DD), found \"# my notes\"");
    }

    @Test
    void aMissingDateOrTopicIsReported() {
        assertThat(problems("""
                Topic

                A Title
                Authors: A. One
                """)).containsExactly("bad.txt:3: date line expected after the topic \"Topic\": expected"
                + " YYYY-MM-DD, optionally followed by \"update\" or \"更新\", found \"A Title\"");
        assertThat(problems("""
                Vision Transformer

                not a date line
                """)).as("a topic and a wrong date, no papers yet").containsExactly("bad.txt:3: date line expected after"
                + " the topic \"Vision Transformer\": expected YYYY-MM-DD, optionally followed by \"update\" or"
                + " \"更新\", found \"not a date line\"");
        assertThat(problems("""
                2024-01-01 update
                A Title
                Authors: A. One
                """)).containsExactly("bad.txt:1: topic line expected before the date line \"2024-01-01 update\":"
                + " the file must start with the topic, then the date");
    }

    @Test
    void anEmptyFileIsReported() {
        assertThat(problems("\uFEFF \r\n\r\n")).containsExactly("bad.txt: the file is empty: expected a topic"
                + " line, a date line (YYYY-MM-DD), then the papers");
    }

    @Test
    void authorsWithoutTitleBadArxivIdsAndRepeatedPapersAreReported() {
        assertThat(problems("""
                Topic
                2024-01-01
                Authors: Nobody
                Abstract.

                Topic Two
                2024-01-02
                A Title
                Authors: A. One
                arXiv:12345
                Same Title
                Authors: B. Two
                Same Title
                Authors: B. Two
                """)).containsExactly(
                "bad.txt:3: title line expected before the \"Authors:\" line",
                "bad.txt:10: not a valid arXiv id: \"arXiv:12345\": expected for example \"arXiv:2211.07638\" or"
                        + " \"https://arxiv.org/abs/2211.07638\"",
                "bad.txt:13: paper \"Same Title\" is listed twice in digest \"Topic Two\" 2024-01-02, first at line"
                        + " 11");
    }

    @Test
    void collectsEveryProblemOfAFileAndKeepsTheGoodDigests() {
        ContentLoad load = parser.parse("bad.txt", """
                Good Topic
                2024-01-01
                A Title
                Authors: A. One

                Bad Topic
                2024-01-99
                B Title
                Authors:

                Another Good Topic
                2024-01-03
                C Title
                Authors: C. Three
                """);

        assertThat(load.problems()).extracting(ContentProblem::line).containsExactly(7, 9);
        assertThat(load.digests()).extracting(Digest::topic).containsExactly("Good Topic", "Another Good Topic");
    }

    private List<String> problems(String text) {
        return parser.parse("bad.txt", text).problems().stream().map(ContentProblem::toString).toList();
    }

    private static Digest withSource(Digest digest, DigestSource source) {
        return new Digest(digest.topic(), digest.date(), digest.papers(), source);
    }

    /** What text/seed-shaped.txt holds. */
    static Digest seedShapedDigest(String file) {
        return new Digest("Graph Learning", LocalDate.of(2023, 4, 2), List.of(
                Paper.of(null, "Sparse Routing for Message Passing on Large Graphs",
                        List.of("Ada Brenner", "Tomas Okafor", "Mei Lin"),
                        "We study how message passing networks can skip most edges without losing accuracy. A learned"
                                + " router keeps the few edges that matter for each node. Our code is available at",
                        ""),
                Paper.of(null, "Counting Triangles with Tiny Transformers", List.of("Jonas Feld", "Priya Raman"),
                        "Small attention models can count triangles in graphs of up to a hundred nodes. We explain"
                                + " which heads do the counting and why depth matters more than width.",
                        ""),
                Paper.of(null, "GraphPrompt-X: Prompting Frozen Graph Encoders",
                        List.of("Luis Moreno", "Hana Sato", "Erik Lund", "Zoe Achebe"),
                        "Prompt tuning has been studied for text and images but rarely for graphs. We add learnable"
                                + " virtual nodes to a frozen encoder and match full fine-tuning on molecule property"
                                + " prediction.",
                        "Robot-42 Activated!"),
                Paper.of(null, "Temporal Edges Need Temporal Batches", List.of("Wen Hao", "Sara Costa"),
                        "Batching dynamic graphs by time window keeps causal order intact and lowers memory use by"
                                + " half.",
                        "Tech Report")),
                new DigestSource(file, 1, "文章作者: 小纸童\n"
                        + "版权声明: 本博客所有文章除特别声明外，均采用 CC BY 4.0 许可协议。转载请注明来源 小纸童 !"));
    }
}
