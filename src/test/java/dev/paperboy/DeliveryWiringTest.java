package dev.paperboy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.config.PaperboyConfig;
import dev.paperboy.console.ConsoleDelivery;
import dev.paperboy.console.ConsoleRenderer;
import dev.paperboy.core.command.Caller;
import dev.paperboy.core.command.CommandDispatcher;
import dev.paperboy.core.command.Reply;
import dev.paperboy.core.command.TextReply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application with its real store and engine: a console subscription is delivered to the console. */
class DeliveryWiringTest {

    @TempDir
    Path dir;

    private static String text(Reply reply) {
        TextReply text = (TextReply) reply;
        return text.title() + "\n" + String.join("\n", text.lines());
    }

    @Test
    void aConsoleSubscriptionIsDeliveredToTheConsoleAndSurvivesARestart() throws Exception {
        Path content = ContentFiles.standard(dir.resolve("content"));
        PaperboyConfig config = PaperboyConfig.defaults().withDirectories(content, dir.resolve("data"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        // The example content is from November 2022; on the day after, its papers are in the window.
        Clock clock = Clock.fixed(Instant.parse("2022-11-17T09:00:00Z"), ZoneOffset.UTC);
        try (PaperboyApp app = new PaperboyApp(config, clock)) {
            app.loadContent();
            ConsoleDelivery console = new ConsoleDelivery(new ConsoleRenderer(), out);
            app.deliverVia(console.formatter(), console.sender());
            app.startDelivery();
            CommandDispatcher d = app.dispatcher();
            assertThat(text(d.dispatch(CommandDispatcher.parse("/subscribe speech", null).orElseThrow(),
                    Caller.console()))).startsWith("Subscribed: Speech at 08:00 UTC");
            assertThat(text(d.dispatch(CommandDispatcher.parse("/deliver now", null).orElseThrow(),
                    Caller.console()))).contains("Speech at 08:00 UTC: 1 paper in 1 message (deliver now)");
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!bytes.toString(StandardCharsets.UTF_8).contains("[delivery] Speech") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("[delivery] Speech · 2022-11-17 · 1 paper");
            assertThat(text(d.dispatch(CommandDispatcher.parse("/deliver now", null).orElseThrow(),
                    Caller.console()))).contains("nothing new, nothing sent (deliver now)");
        }
        assertThat(dir.resolve("data/paperboy.db")).isRegularFile();
        try (PaperboyApp again = new PaperboyApp(config, clock)) {
            assertThat(text(again.dispatcher().dispatch(CommandDispatcher.parse("/subscriptions", null).orElseThrow(),
                    Caller.console()))).contains("1. Speech at 08:00 UTC: last 2022-11-17 09:00, nothing new, nothing sent "
                    + "(deliver now); next 2022-11-18 08:00");
        }
    }
}
