package dev.paperboy.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.paperboy.core.Digest;
import dev.paperboy.core.DigestSource;
import dev.paperboy.core.Paper;
import dev.paperboy.core.command.DigestReply;
import dev.paperboy.core.command.PaperReply;
import dev.paperboy.core.command.Reply;
import dev.paperboy.core.command.SearchReply;
import dev.paperboy.core.render.GoldenFiles;
import dev.paperboy.core.render.RenderFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DiscordRendererTest {

    private static final Pattern RAW_MENTION = Pattern.compile("@(everyone|here)|<@[!&]?\\d+>");
    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final DiscordRenderer renderer = new DiscordRenderer();

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
    void rendersMessagesWithinDiscordLimitsMatchingTheGoldenFile(String name, Reply reply) throws JsonProcessingException {
        List<DiscordMessage> messages = renderer.render(reply);

        assertThat(messages).isNotEmpty().allSatisfy(DiscordRendererTest::assertWithinLimits);
        assertThat(texts(messages)).noneMatch(text -> RAW_MENTION.matcher(text).find());
        // Zero-width spaces are invisible: show them as the JSON escape they are equivalent to.
        String json = JSON.writeValueAsString(messages).replace("\u200B", "\\u200B");
        GoldenFiles.assertMatches("discord/" + name + ".json", json);
    }

    @Test
    void putsOneEmbedPerPaperAndContinuesInTheNextMessageBeyondTenEmbeds() {
        List<DiscordMessage> messages = new DiscordRenderer(100, 300).renderDigest(RenderFixtures.largeDigest());

        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).embeds()).hasSize(10);
        assertThat(messages.get(1).embeds()).hasSize(2);
        assertThat(messages.get(0).content()).isEqualTo("**Vision Transformer** · 2022-11-15 · 12 papers (1/2)");
        assertThat(messages.stream().flatMap(m -> m.embeds().stream()).map(DiscordEmbed::title))
                .allSatisfy(title -> assertThat(title).startsWith("Paper number "))
                .extracting(title -> title.replaceAll("Paper number (\\d+):.*", "$1"))
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
    }

    @Test
    void theDigestFormatterCountsOnePaperPerEmbed() {
        List<dev.paperboy.core.delivery.OutgoingMessage> outgoing = new DiscordDigestFormatter(renderer)
                .format(RenderFixtures.largeDigest());

        assertThat(outgoing).extracting(m -> m.papers()).containsExactlyElementsOf(
                renderer.renderDigest(RenderFixtures.largeDigest()).stream().map(m -> m.embeds().size()).toList());
        assertThat(outgoing.stream().mapToInt(m -> m.papers()).sum()).isEqualTo(12);
    }

    @Test
    void packsByTotalCharactersToo() {
        List<DiscordMessage> messages = renderer.renderDigest(RenderFixtures.largeDigest());

        assertThat(messages).hasSizeGreaterThan(1).allSatisfy(DiscordRendererTest::assertWithinLimits);
        assertThat(messages.stream().mapToInt(m -> m.embeds().size()).sum()).isEqualTo(12);
    }

    @Test
    void escapesMarkdownInDescriptionsAndFieldsAndBreaksMentionsEverywhere() {
        DiscordEmbed embed = renderer.renderDigest(RenderFixtures.hostileDigest()).get(0).embeds().get(0);

        assertThat(embed.title()).startsWith("<b>Bold</b> & <script>").contains("@\u200Beveryone")
                .contains("<@\u200B123456789>").contains("\\*stars\\*");
        assertThat(unescapedMarkdown(embed.title())).as("Discord renders inline Markdown in embed titles").isEmpty();
        assertThat(unescapedMarkdown(embed.description())).isEmpty();
        assertThat(embed.description()).startsWith("\\> quoted line").contains("\\[masked\\](https://evil.example)");
        assertThat(embed.fields()).allSatisfy(field -> assertThat(unescapedMarkdown(field.value())).isEmpty());
        assertThat(embed.fields().get(1).value()).startsWith("\\- starts like a list");
    }

    @Test
    void escapeMarkdownHandlesLineStarts() {
        assertThat(DiscordRenderer.escapeMarkdown("# h\n> q\n- l\n  + m\n12. n\na - b # c > d 3. e"))
                .isEqualTo("\\# h\n\\> q\n\\- l\n  \\+ m\n12\\. n\na - b # c > d 3. e");
        assertThat(DiscordRenderer.escapeMarkdown("a\\*b_c~d`e|f[g]h")).isEqualTo("a\\\\\\*b\\_c\\~d\\`e\\|f\\[g\\]h");
        assertThat(DiscordRenderer.neutraliseMentions("@here <@&42>")).isEqualTo("@\u200Bhere <@\u200B&42>");
        assertThat(DiscordRenderer.escapeInlineMarkdown("1. $x_i$ - *a* [b](c) @here"))
                .isEqualTo("1. $x\\_i$ - \\*a\\* \\[b\\](c) @\u200Bhere");
    }

    @Test
    void splitsALongAbstractOverEmbedsAndMessagesWithoutLosingText() {
        Paper paper = RenderFixtures.longAbstractPaper();
        List<DiscordMessage> messages = renderer.render(new PaperReply(RenderFixtures.libraryPaper(paper)));

        List<DiscordEmbed> embeds = messages.stream().flatMap(m -> m.embeds().stream()).toList();
        assertThat(embeds).hasSizeGreaterThan(2);
        assertThat(embeds.get(0).title()).isEqualTo(paper.title());
        assertThat(embeds.get(embeds.size() - 1).footer()).isEqualTo("arXiv:2211.09999");
        String shown = embeds.stream().map(DiscordEmbed::description).reduce((a, b) -> a + " " + b).orElseThrow()
                .replace("\\", "").replaceAll("\\s+", " ");
        assertThat(shown).isEqualTo(paper.abstractText().replaceAll("\\s+", " "));
    }

    @Test
    void survivesTextThatEscapingDoubles() {
        Paper stars = Paper.of("2211.00007", "@".repeat(400), List.of("*".repeat(3000)), "_".repeat(20000),
                "|".repeat(3000));
        Digest digest = new Digest("*".repeat(500), RenderFixtures.DAY, List.of(stars, stars),
                new DigestSource("f", 1, "~".repeat(5000)));

        assertThat(renderer.renderDigest(digest)).allSatisfy(DiscordRendererTest::assertWithinLimits);
        assertThat(renderer.render(new PaperReply(RenderFixtures.libraryPaper(stars))))
                .allSatisfy(DiscordRendererTest::assertWithinLimits);
    }

    /** Checks Discord's limits independently of the records' own validation. */
    static void assertWithinLimits(DiscordMessage message) {
        assertThat(message.content().length()).isLessThanOrEqualTo(2000);
        assertThat(message.embeds()).hasSizeLessThanOrEqualTo(10);
        int total = 0;
        for (DiscordEmbed embed : message.embeds()) {
            assertThat(length(embed.title())).isLessThanOrEqualTo(256);
            assertThat(length(embed.description())).isLessThanOrEqualTo(4096);
            assertThat(length(embed.footer())).isLessThanOrEqualTo(2048);
            assertThat(embed.fields()).hasSizeLessThanOrEqualTo(25).allSatisfy(field -> {
                assertThat(field.name()).isNotBlank().hasSizeLessThanOrEqualTo(256);
                assertThat(field.value()).isNotBlank().hasSizeLessThanOrEqualTo(1024);
            });
            total += length(embed.title()) + length(embed.description()) + length(embed.footer())
                    + embed.fields().stream().mapToInt(f -> f.name().length() + f.value().length()).sum();
        }
        assertThat(total).isLessThanOrEqualTo(6000);
        assertThat(message.content().isBlank() && message.embeds().isEmpty()).isFalse();
    }

    private static List<String> texts(List<DiscordMessage> messages) {
        List<String> texts = new ArrayList<>();
        for (DiscordMessage message : messages) {
            texts.add(message.content());
            for (DiscordEmbed embed : message.embeds()) {
                Stream.of(embed.title(), embed.description(), embed.footer()).filter(t -> t != null).forEach(texts::add);
                embed.fields().forEach(f -> {
                    texts.add(f.name());
                    texts.add(f.value());
                });
            }
        }
        return texts;
    }

    /** Positions of Markdown characters not preceded by a backslash. */
    private static List<Integer> unescapedMarkdown(String text) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if ("*_~`|[]".indexOf(text.charAt(i)) >= 0) {
                positions.add(i);
            }
        }
        return positions;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
