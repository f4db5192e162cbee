package dev.paperboy.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.SearchPage;
import dev.paperboy.core.command.DigestReply;
import dev.paperboy.core.command.PaperReply;
import dev.paperboy.core.command.Reply;
import dev.paperboy.core.command.SearchReply;
import dev.paperboy.core.render.GoldenFiles;
import dev.paperboy.core.render.RenderFixtures;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConsoleRendererTest {

    private final ConsoleRenderer renderer = new ConsoleRenderer();

    static Stream<Arguments> replies() {
        return Stream.of(
                Arguments.of("digest-seed", new DigestReply(List.of(RenderFixtures.seedShapedDigest()))),
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
    void rendersReadableTextMatchingTheGoldenFile(String name, Reply reply) {
        List<String> messages = renderer.render(reply);

        assertThat(messages).isNotEmpty();
        assertThat(String.join("\n", messages).lines())
                .allSatisfy(line -> assertThat(line.length() <= 100 || !line.strip().contains(" "))
                        .as("line wider than 100 columns that could have been wrapped: %s", line).isTrue());
        GoldenFiles.assertMatches("console/" + name + ".txt", GoldenFiles.messages(messages));
    }

    @Test
    void hintsOnlyAtPagesThatExist() {
        SearchPage middle = RenderFixtures.correctedSearchPage();
        SearchPage first = new SearchPage("vision", null, middle.hits(), 23, 1, 5);
        SearchPage last = new SearchPage("vision", null, middle.hits().subList(0, 3), 23, 5, 5);
        SearchPage only = new SearchPage("vision", null, middle.hits().subList(0, 3), 3, 1, 5);

        assertThat(render(middle)).contains("Page 2 of 5, 23 results").endsWith("Type /next or /prev to turn the page.");
        assertThat(render(first)).startsWith("Results for \"vision\"").endsWith("Type /next for the next page.");
        assertThat(render(last)).contains("21. ").endsWith("Type /prev for the previous page.");
        assertThat(render(only)).doesNotContain("/next").doesNotContain("/prev");
    }

    @Test
    void papersOfOneTitleComeAfterALineThatSaysSo() {
        var paper = RenderFixtures.libraryPaper(RenderFixtures.longAbstractPaper());

        List<String> messages = renderer.render(new dev.paperboy.core.command.PaperReply(List.of(paper, paper), true));

        assertThat(messages).hasSize(3);
        assertThat(messages.get(0)).contains("More than 2 papers have this exact title");
        assertThat(messages.get(1)).isEqualTo(messages.get(2)).isEqualTo(renderer.renderPaper(paper).get(0));
        assertThat(renderer.render(new dev.paperboy.core.command.PaperReply(paper))).hasSize(1);
    }

    @Test
    void removesTerminalEscapesFromContent() {
        assertThat(renderer.render(new dev.paperboy.core.command.ErrorReply("bad \u001b[2J input")))
                .containsExactly("Error: bad [2J input");
    }

    private String render(SearchPage page) {
        return renderer.render(new SearchReply(page)).get(0);
    }
}
