package dev.paperboy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.config.PaperboyConfig;
import dev.paperboy.core.command.Caller;
import dev.paperboy.core.command.CommandDispatcher;
import dev.paperboy.core.command.DigestReply;
import dev.paperboy.core.command.ErrorReply;
import dev.paperboy.core.command.Reply;
import dev.paperboy.core.command.SearchReply;
import dev.paperboy.core.command.TextReply;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real content directory, Lucene index and commands together, as an admin edits files and reloads. */
class PaperboyAppTest {

    @TempDir
    Path dir;

    private Reply run(PaperboyApp app, String line) {
        return app.dispatcher().dispatch(CommandDispatcher.parse(line, null).orElseThrow(), Caller.console());
    }

    @Test
    void aBrokenFileLeavesTheOldContentServingAndSaysWhere() {
        Path content = ContentFiles.standard(dir.resolve("content"));
        PaperboyConfig config = PaperboyConfig.defaults().withDirectories(content, dir.resolve("data"));
        try (PaperboyApp app = new PaperboyApp(config, Clock.systemUTC())) {
            assertThat(app.loadContent().applied()).isTrue();
            assertThat(((SearchReply) run(app, "/search sparse patches")).page().total()).isEqualTo(1);

            ContentFiles.write(content, "broken.txt", "Robots\n\n2022-11-17\n\nA Title Without Authors\n\nText.\n");
            ErrorReply refused = (ErrorReply) run(app, "/reload");
            assertThat(refused.message()).contains("previous content is still being served")
                    .contains("broken.txt:7: \"Authors:\" line expected after the title \"A Title Without Authors\"");
            assertThat(((SearchReply) run(app, "/search sparse patches")).page().total()).isEqualTo(1);
            assertThat(((DigestReply) run(app, "/latest")).digests()).extracting(d -> d.topic())
                    .containsExactly("Speech");

            ContentFiles.write(content, "broken.txt", "Robots\n\n2022-11-17\n\nA Title\n\nAuthors: R. Bot\n\nText.\n");
            TextReply applied = (TextReply) run(app, "/reload");
            assertThat(applied.title()).isEqualTo("Content reloaded: 3 digests, 4 papers.");
            assertThat(applied.lines()).singleElement().asString().contains("digests +1 -0 ~0, papers +1 -0 ~0");
            assertThat(((DigestReply) run(app, "/latest robots")).digests()).hasSize(1);
            assertThat(((SearchReply) run(app, "/search title")).page().total()).isEqualTo(1);
        }
    }

    @Test
    void aSearchThatCannotBeRunSaysWhatToTypeInstead() {
        Path content = ContentFiles.standard(dir.resolve("content"));
        PaperboyConfig config = PaperboyConfig.defaults().withDirectories(content, dir.resolve("data"));
        try (PaperboyApp app = new PaperboyApp(config, Clock.systemUTC())) {
            app.loadContent();

            TextReply reply = (TextReply) run(app, "/search sparse patches after:2025-13");

            assertThat(reply.title()).isEqualTo("No papers match \"sparse patches after:2025-13\".");
            assertThat(reply.lines()).containsExactly("“2025-13” is not a date: a month is 01 to 12; write one such as"
                    + " after:2025-01-01.");
            assertThat(((TextReply) run(app, "/search zzzzqqq")).lines()).singleElement().asString()
                    .startsWith("Try fewer or other words");
        }
    }
}
