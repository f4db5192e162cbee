package dev.paperboy.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.console.ConsoleRenderer;
import dev.paperboy.core.LibraryPaper;
import dev.paperboy.core.Paper;
import dev.paperboy.core.SearchHit;
import dev.paperboy.core.SearchPage;
import dev.paperboy.core.Snippet;
import dev.paperboy.core.command.SearchReply;
import dev.paperboy.discord.DiscordRenderer;
import dev.paperboy.telegram.TelegramMessage;
import dev.paperboy.telegram.TelegramRenderer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An author a search named stays in the shortened author list of its hit, on every platform. */
class MatchedAuthorsRenderTest {

    private final SearchReply reply = new SearchReply(new SearchPage("au:quek", null, List.of(new SearchHit(
            new LibraryPaper(Paper.of("2401.00001", "Federated learning at the edge",
                    authors(), "An abstract.", ""), List.of(), LocalDate.of(2024, 1, 2)),
            3f, Snippet.none(), List.of("Tony Q. S. Quek"))), 1, 1, 5));

    /** Forty authors, the thirtieth named by the search: past every platform's shortened list. */
    private static List<String> authors() {
        List<String> authors = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            authors.add(i == 30 ? "Tony Q. S. Quek" : "Author " + i);
        }
        return authors;
    }

    @Test
    void everyPlatformShowsTheNamedAuthor() {
        String shortened = "Author 1, Author 2, Author 3, …, Tony Q. S. Quek, et al.";

        assertThat(String.join("\n", new ConsoleRenderer().render(reply))).contains(shortened);
        assertThat(new DiscordRenderer().render(reply).toString()).contains(shortened);
        assertThat(String.join("\n", new TelegramRenderer().render(reply).stream().map(TelegramMessage::html)
                .toList())).contains("…, Tony Q. S. Quek, et al.").doesNotContain("Author 29");
    }
}
