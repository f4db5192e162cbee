package dev.paperboy.telegram;

import static dev.paperboy.core.render.RenderFixtures.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.Paper;
import dev.paperboy.core.command.DigestReply;
import dev.paperboy.core.command.PaperReply;
import dev.paperboy.core.command.Reply;
import dev.paperboy.core.command.SearchReply;
import dev.paperboy.core.render.GoldenFiles;
import dev.paperboy.core.render.RenderFixtures;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TelegramRendererTest {

    private final TelegramRenderer renderer = new TelegramRenderer();

    static Stream<Arguments> replies() {
        return Stream.of(
                Arguments.of("digest-seed", new DigestReply(List.of(RenderFixtures.seedShapedDigest()))),
                Arguments.of("digest-large", new DigestReply(List.of(RenderFixtures.largeDigest()))),
                Arguments.of("digest-hostile", new DigestReply(List.of(RenderFixtures.hostileDigest()))),
                Arguments.of("digest-empty", new DigestReply(List.of(RenderFixtures.emptyDigest()))),
                Arguments.of("paper-long-abstract",
                        new PaperReply(RenderFixtures.libraryPaper(RenderFixtures.longAbstractPaper()))),
                Arguments.of("paper-hostile", new PaperReply(RenderFixtures.libraryPaper(RenderFixtures.hostilePaper()))),
                Arguments.of("search-corrected", new SearchReply(RenderFixtures.correctedSearchPage())),
                Arguments.of("search-empty", new SearchReply(RenderFixtures.emptySearchPage())),
                Arguments.of("text", RenderFixtures.textReply()),
                Arguments.of("error", RenderFixtures.errorReply()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void rendersValidHtmlWithinTheLimitMatchingTheGoldenFile(String name, Reply reply) {
        List<TelegramMessage> messages = renderer.render(reply);

        assertThat(messages).isNotEmpty();
        for (TelegramMessage message : messages) {
            assertThat(message.html().length()).isLessThanOrEqualTo(TelegramMessage.MAX_LENGTH);
            assertThat(TelegramHtmlChecker.problems(message.html())).as(message.html()).isEmpty();
        }
        GoldenFiles.assertMatches("telegram/" + name + ".txt",
                GoldenFiles.messages(messages.stream().map(TelegramMessage::html).toList()));
    }

    @Test
    void splitsALargeDigestBetweenPapersKeepingEveryPaperOnceAndInOrder() {
        List<TelegramMessage> messages = renderer.renderDigest(RenderFixtures.largeDigest());

        assertThat(messages).hasSizeGreaterThan(1);
        assertThat(messages.get(0).html()).startsWith("<b>" + TOPIC + "</b> · 2022-11-15\n12 papers");
        assertThat(messages.subList(1, messages.size()))
                .allSatisfy(m -> assertThat(m.html()).startsWith("<b>" + TOPIC + "</b> · 2022-11-15 (continued)"));
        Pattern number = Pattern.compile("<b>(\\d+)\\. <a href");
        int expected = 1;
        for (TelegramMessage message : messages) {
            Matcher m = number.matcher(message.html());
            while (m.find()) {
                assertThat(Integer.parseInt(m.group(1))).isEqualTo(expected++);
            }
        }
        assertThat(expected).isEqualTo(13);
    }

    @Test
    void countsThePapersEachDigestMessageCarriesWithoutCountingTheAttribution() {
        dev.paperboy.core.Digest large = RenderFixtures.largeDigest();
        dev.paperboy.core.Digest attributed = new dev.paperboy.core.Digest(large.topic(), large.date(), large.papers(),
                new dev.paperboy.core.DigestSource("page.txt", 1, "From the daily page\nby its author"));

        List<TelegramRenderer.DigestMessage> counted = renderer.renderDigestCounted(attributed);

        assertThat(counted).extracting(TelegramRenderer.DigestMessage::message)
                .isEqualTo(renderer.renderDigest(attributed));
        assertThat(counted.get(counted.size() - 1).message().html()).contains("From the daily page");
        for (TelegramRenderer.DigestMessage message : counted) {
            long titles = Pattern.compile("Paper number \\d+:").matcher(message.message().html()).results().count();
            assertThat(message.papers()).isEqualTo(titles);
        }
        assertThat(counted.stream().mapToInt(TelegramRenderer.DigestMessage::papers).sum()).isEqualTo(12);
    }

    @Test
    void shortensAbstractsInDigestsAndPointsToTheFullOne() {
        String html = renderer.renderDigest(RenderFixtures.seedShapedDigest()).get(0).html();

        assertThat(html).contains("<a href=\"https://arxiv.org/abs/2211.00001\">Patch Dropout Schedules")
                .contains("encoder. …\nMore:")
                .contains("More: <code>/paper 2211.00001</code>")
                .contains("<b>2. Token Merging Meets Optical Flow: Faster Video Transformers</b>")
                .contains("Mira Olsen, Tomasz Wierzbicki, Ana Lucía Ferreira, Kenji Hayashi, Priya Raman, Olu Adeyemi, "
                        + "Hannah Vogel, Lars Eriksson, et al.");
    }

    @Test
    void showsALongAbstractWholeAcrossMessages() {
        Paper paper = RenderFixtures.longAbstractPaper();
        List<TelegramMessage> messages = renderer.render(new PaperReply(RenderFixtures.libraryPaper(paper)));

        assertThat(messages).hasSizeGreaterThanOrEqualTo(3);
        String shown = messages.stream().map(m -> TelegramHtmlChecker.parse(m.html()))
                .reduce((a, b) -> a + " " + b).orElseThrow().replaceAll("\\s+", " ");
        assertThat(shown).contains(paper.abstractText().replaceAll("\\s+", " "));
    }

    @Test
    void showsHostileTextLiterally() {
        Paper paper = RenderFixtures.hostilePaper();
        String shown = TelegramHtmlChecker.parse(
                renderer.render(new PaperReply(RenderFixtures.libraryPaper(paper))).get(0).html());

        assertThat(shown).contains(paper.title()).contains("<i>Eve</i> & Mallory").contains("</pre>");
    }

    @Test
    void keepsEveryPieceWithinTheLimitEvenWhenEscapingQuintuplesTheText() {
        Paper ampersands = Paper.of("2211.00007", "&".repeat(5000), List.of("<".repeat(3000)), "&\"<> ".repeat(3000),
                "&".repeat(2000));
        List<TelegramMessage> messages = renderer.render(new PaperReply(RenderFixtures.libraryPaper(ampersands)));

        assertThat(messages).allSatisfy(m -> assertThat(TelegramHtmlChecker.problems(m.html())).isEmpty());
        assertThat(renderer.renderDigest(new dev.paperboy.core.Digest("x", RenderFixtures.DAY, List.of(ampersands),
                new dev.paperboy.core.DigestSource("f", 1, "&".repeat(10000)))))
                .allSatisfy(m -> assertThat(TelegramHtmlChecker.problems(m.html())).isEmpty());
    }

    @Test
    void escapesExactlyTheFourCharactersTelegramNeeds() {
        assertThat(TelegramRenderer.escape("a<b>&\"c' \u001b[31m")).isEqualTo("a&lt;b&gt;&amp;&quot;c' [31m");
    }
}
