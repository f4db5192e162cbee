package dev.paperboy.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import dev.paperboy.ContentFiles;
import dev.paperboy.PaperboyApp;
import dev.paperboy.config.PaperboyConfig;
import dev.paperboy.core.command.CommandDispatcher;
import dev.paperboy.telegram.FakeTelegramServer.Chat;
import dev.paperboy.telegram.FakeTelegramServer.Sent;
import dev.paperboy.telegram.FakeTelegramServer.User;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Paperboy's real content directory, Lucene index and commands, the real Telegram Bots client in
 * {@link TelegramAdapter}, and a {@link FakeTelegramServer}, for one test. Captures every log line
 * of the adapter and the client at DEBUG to check that the token never shows.
 */
final class TelegramHarness implements AutoCloseable {

    static final String TOKEN = "123456789:AAHtestTokenThatMustNeverBeLogged_x1";
    static final String BOT = "PaperboyTestBot";
    static final User ADMIN = new User(1001, "Ada");
    static final User ALICE = new User(1002, "Alice");
    static final User BOB = new User(1003, "Bob");
    static final Chat GROUP = Chat.supergroup(-100500, "Reading group");
    static final String SENTINEL = "/zz_sentinel@" + BOT;

    /** Seven papers on transformers (four pages of two), one with a long abstract. */
    static final String TRANSFORMERS;

    static {
        StringBuilder papers = new StringBuilder();
        for (int i = 1; i <= 7; i++) {
            String abstractText = i == 1 ? ("We study transformer models at length. "
                    + "Each sentence of this invented abstract adds little, on purpose. ").repeat(12)
                    : "An invented abstract about transformer number " + i + ".";
            papers.append(i == 1 ? "" : ",\n").append("{\"id\": \"2211.0010").append(i)
                    .append("\", \"title\": \"Transformer Study ").append(i).append("\", \"authors\": [\"Ann Author\"], ")
                    .append("\"abstract\": \"").append(abstractText).append("\"}");
        }
        TRANSFORMERS = "{\"topic\": \"Vision Transformer\", \"date\": \"2022-11-15\", \"papers\": [\n" + papers + "\n]}";
    }

    static final String HOSTILE = """
            {"topic": "Security <b>", "date": "2022-11-14", "papers": [
              {"id": "2211.00201", "title": "<script>alert(1)</script> & </b> Attention",
               "authors": ["Eve <i>Hacker</i>", "Mallory & Co"], "abstract": "Uses a < b && c > d. </b></i><a href=x>"},
              {"title": "Fish & Chips </b> Are <Not> Papers", "authors": ["Q"], "abstract": "&amp; is not &lt;"}
            ]}
            """;

    final Path content;
    final PaperboyApp app;
    final FakeTelegramServer fake;
    final TelegramAdapter adapter;
    private final List<ILoggingEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ch.qos.logback.core.AppenderBase<ILoggingEvent> logs = new ch.qos.logback.core.AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            events.add(event);
        }
    };
    private final List<Logger> captured = new ArrayList<>();

    TelegramHarness(Path dir) throws IOException {
        this(dir, Clock.systemUTC(), TelegramAdapter.Options.defaults().withPollTimeoutSeconds(1)
                .withFlood(1000, Duration.ofSeconds(10)), null);
    }

    TelegramHarness(Path dir, Clock clock, TelegramAdapter.Options options,
                    java.util.function.Function<PaperboyApp, CommandDispatcher> dispatcher)
            throws IOException {
        captureLogs();
        content = dir.resolve("content");
        ContentFiles.write(content, "transformers.json", TRANSFORMERS);
        ContentFiles.write(content, "speech.json", ContentFiles.SPEECH);
        ContentFiles.write(content, "hostile.json", HOSTILE);
        PaperboyConfig config = new PaperboyConfig(content, dir.resolve("data"), null, null, false, 2, null, null,
                null);
        app = new PaperboyApp(config, clock);
        assertThat(app.loadContent().applied()).isTrue();
        fake = new FakeTelegramServer(TOKEN, BOT);
        adapter = new TelegramAdapter(new PaperboyConfig.Telegram(true, fake.apiUrl(), List.of("1001")), TOKEN,
                dispatcher == null ? app.dispatcher() : dispatcher.apply(app), new TelegramRenderer(), clock, options);
        adapter.start();
    }

    /**
     * Sends the text, then a sentinel command the bot answers with "unknown command"; returns every
     * message the bot sent to the chat in between. Both go through the same chat's worker, in order.
     */
    List<Sent> converse(Chat chat, User user, String text) {
        int before = fake.sentTo(chat.id()).size();
        fake.pushMessage(chat, user, text);
        fake.pushMessage(chat, user, SENTINEL);
        List<Sent> all = fake.await("the sentinel's answer in " + chat.id(), () -> fake.sentTo(chat.id()),
                list -> list.size() > before && list.get(list.size() - 1).text().contains("zz_sentinel"),
                Duration.ofSeconds(10));
        return all.subList(before, all.size() - 1);
    }

    /** The one message the bot answers with. */
    Sent single(Chat chat, User user, String text) {
        List<Sent> replies = converse(chat, user, text);
        assertThat(replies).as("replies to " + text).hasSize(1);
        return replies.get(0);
    }

    private void captureLogs() {
        logs.start();
        for (String name : List.of("dev.paperboy", "org.telegram", "okhttp3")) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            logger.setLevel(Level.DEBUG);
            logger.setAdditive(false);
            logger.addAppender(logs);
            captured.add(logger);
        }
    }

    /** Fails when any log line or logged exception mentions the token. */
    void assertTokenNeverLogged() {
        for (ILoggingEvent event : events) {
            assertThat(event.getFormattedMessage()).doesNotContain(TOKEN).doesNotContain(TOKEN.split(":")[1]);
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(TOKEN.split(":")[1]);
            }
        }
    }

    List<ILoggingEvent> logEvents() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        try {
            adapter.close();
            assertThat(fake.rejected()).as("calls the fake refused").isEmpty();
            assertTokenNeverLogged();
        } finally {
            try {
                fake.close();
            } finally {
                app.close();
                for (Logger logger : captured) {
                    logger.detachAppender(logs);
                    logger.setLevel(null);
                    logger.setAdditive(true);
                }
            }
        }
    }
}
