package dev.paperboy.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.console.ConsoleRenderer;
import dev.paperboy.core.SearchPage;
import dev.paperboy.core.command.SearchReply;
import dev.paperboy.discord.DiscordMessage;
import dev.paperboy.discord.DiscordRenderer;
import dev.paperboy.telegram.TelegramMessage;
import dev.paperboy.telegram.TelegramRenderer;
import org.junit.jupiter.api.Test;

/** When the index stopped counting, every platform says "at least" instead of a wrong total. */
class LowerBoundTotalTest {

    private final SearchPage exact = RenderFixtures.correctedSearchPage();
    private final SearchReply lowerBound = new SearchReply(new SearchPage(exact.query(), null, exact.hits(), 1000,
            1, exact.pageSize(), true));

    @Test
    void everyRendererSaysAtLeast() {
        assertThat(String.join("\n", new ConsoleRenderer().render(lowerBound))).contains("at least 1000 results");
        assertThat(new TelegramRenderer().render(lowerBound)).map(TelegramMessage::html).first().asString()
                .contains("at least 1000 results");
        assertThat(new DiscordRenderer().render(lowerBound)).map(DiscordMessage::content).first().asString()
                .contains("at least 1000 results");
    }
}
