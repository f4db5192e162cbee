package dev.paperboy.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.console.ConsoleRenderer;
import dev.paperboy.core.SearchPage;
import dev.paperboy.core.command.SearchReply;
import dev.paperboy.discord.DiscordMessage;
import dev.paperboy.discord.DiscordRenderer;
import dev.paperboy.telegram.TelegramMessage;
import dev.paperboy.telegram.TelegramRenderer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What in a query could not be searched is noted beside its results, a few at most, on every platform. */
class QueryProblemsRenderTest {

    private static SearchReply withProblems(int count) {
        SearchPage sample = RenderFixtures.correctedSearchPage();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            problems.add("“best" + i + "” is not an order: sort:date shows the newest first.");
        }
        return new SearchReply(new SearchPage(sample.query(), null, sample.hits(), sample.total(), sample.page(),
                sample.pageSize(), false, problems));
    }

    @Test
    void aFewAreShownAndTheRestCounted() {
        assertThat(QueryProblems.lines(List.of("a", "b"))).containsExactly("a", "b");
        assertThat(QueryProblems.lines(List.of("a", "b", "c", "d", "e")))
                .containsExactly("a", "b", "c", "…and 2 more parts of the query that could not be searched.");
    }

    @Test
    void everyPlatformNotesThemBesideTheResults() {
        SearchReply reply = withProblems(60);
        String note = "Note: “best0” is not an order: sort:date shows the newest first.";

        String console = String.join("\n", new ConsoleRenderer().render(reply));
        List<DiscordMessage> discord = new DiscordRenderer().render(reply);
        String telegram = String.join("\n", new TelegramRenderer().render(reply).stream().map(TelegramMessage::html)
                .toList());

        assertThat(console).contains(note, "…and 57 more parts").doesNotContain("best3”");
        assertThat(discord.get(0).content()).contains(note, "…and 57 more parts")
                .hasSizeLessThanOrEqualTo(DiscordMessage.MAX_CONTENT);
        assertThat(telegram).contains(note, "…and 57 more parts");
        assertThat(String.join("\n", new ConsoleRenderer().render(withProblems(0)))).doesNotContain("Note:");
    }
}
