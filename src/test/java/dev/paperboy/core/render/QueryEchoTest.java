package dev.paperboy.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.console.ConsoleRenderer;
import dev.paperboy.core.SearchPage;
import dev.paperboy.core.command.SearchReply;
import dev.paperboy.core.command.TypedText;
import dev.paperboy.discord.DiscordMessage;
import dev.paperboy.discord.DiscordRenderer;
import dev.paperboy.telegram.TelegramHtmlChecker;
import dev.paperboy.telegram.TelegramMessage;
import dev.paperboy.telegram.TelegramRenderer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pasted essay of a query is echoed in a search reply's heading cut short, the same way on every platform. */
class QueryEchoTest {

    /** 2000 characters of what escaping grows most, Markdown, mentions, emoji and a line break. */
    private static final String QUERY = ("vison \"&<b>\" *_`~|@everyone 💥\n").repeat(100).substring(0, 2000);
    private static final String CORRECTED = QUERY.replace("vison", "vision");

    private final SearchPage sample = RenderFixtures.correctedSearchPage();
    private final SearchReply reply = new SearchReply(new SearchPage(QUERY, CORRECTED, sample.hits(), sample.total(),
            sample.page(), sample.pageSize()));
    private final String shown = TypedText.query(QUERY);
    private final String shownCorrected = TypedText.query(CORRECTED);

    @Test
    void theEchoIsOneLineOfEightyCharactersAndAnEllipsis() {
        assertThat(shown).hasSize(TypedText.QUERY_SHOWN + 1).endsWith(PlainText.ELLIPSIS).doesNotContain("\n")
                .startsWith("vison \"&<b>\" *_`~|@everyone 💥 vison");
    }

    @Test
    void theConsoleHeadingIsWrappedToTheWidth() {
        List<String> heading = new ConsoleRenderer().render(reply).get(0).lines()
                .takeWhile(line -> !line.startsWith("Page ")).toList();

        assertThat(String.join(" ", heading))
                .isEqualTo("Showing results for \"" + shownCorrected + "\" instead of \"" + shown + "\".");
        assertThat(heading).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    }

    @Test
    void telegramEscapesTheSameEchoAndStaysValid() {
        List<TelegramMessage> messages = new TelegramRenderer().render(reply);

        assertThat(messages.get(0).html()).startsWith("🔎 Showing results for <b>"
                + TelegramRenderer.escape(shownCorrected) + "</b> instead of <i>"
                + TelegramRenderer.escape(shown) + "</i>.\n");
        assertThat(messages).allSatisfy(m -> assertThat(TelegramHtmlChecker.problems(m.html())).as(m.html()).isEmpty());
        // Every paper of the page is still shown: the heading leaves them room.
        assertThat(String.join("\n", messages.stream().map(TelegramMessage::html).toList()))
                .contains(TelegramRenderer.escape(sample.hits().get(sample.hits().size() - 1).paper().paper().title()));
    }

    @Test
    void discordEscapesTheSameEchoAndStaysWithinTheLimits() {
        List<DiscordMessage> messages = new DiscordRenderer().render(reply);
        String content = messages.get(0).content();

        assertThat(content).startsWith("🔎 Showing results for **"
                + DiscordRenderer.escapeMarkdown(shownCorrected) + "** instead of *"
                + DiscordRenderer.escapeMarkdown(shown) + "*.\n");
        assertThat(content).doesNotContain("@everyone").contains("@\u200Beveryone");
        assertThat(content.length()).isLessThanOrEqualTo(DiscordMessage.MAX_CONTENT);
    }
}
