package dev.paperboy.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.FakeContentSource;
import dev.paperboy.core.FakeSearchIndex;
import dev.paperboy.core.LiveLibrary;
import dev.paperboy.core.StatusContributor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parts of Paperboy outside the core (the arXiv fetch, for one) add their lines to /status. */
class StatusContributorsTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);
    private final FakeSearchIndex index = new FakeSearchIndex();
    private final LiveLibrary library = new LiveLibrary(new FakeContentSource(), List.of(index), clock);
    private final Caller admin = new Caller(Platform.TELEGRAM, "chat", "1", true, false, false);

    private List<String> status(List<StatusContributor> contributors) {
        CommandDispatcher dispatcher = new CommandDispatcher(
                CommandRegistry.standard(library, index, clock, ZoneId.of("UTC"), 2, null, contributors));
        Reply reply = dispatcher.dispatch(CommandDispatcher.parse("/status", "Bot").orElseThrow(), admin);
        return ((TextReply) reply).lines();
    }

    @Test
    void contributedLinesComeAfterTheCoreOnes() {
        List<String> lines = status(List.of(() -> List.of("arXiv: 1 topic", "arXiv \"Vision\": 3 new papers")));

        assertThat(lines.get(0)).startsWith("Content:");
        assertThat(lines.subList(lines.size() - 2, lines.size()))
                .containsExactly("arXiv: 1 topic", "arXiv \"Vision\": 3 new papers");
    }

    @Test
    void aContributorThatThrowsDoesNotBreakStatus() {
        StatusContributor broken = () -> {
            throw new IllegalStateException("state unreadable");
        };

        List<String> lines = status(List.of(broken));

        assertThat(lines.get(0)).startsWith("Content:");
        assertThat(lines.get(lines.size() - 1)).contains("could not report: state unreadable");
    }
}
