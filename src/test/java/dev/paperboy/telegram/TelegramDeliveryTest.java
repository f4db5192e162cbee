package dev.paperboy.telegram;

import static dev.paperboy.telegram.TelegramHarness.ADMIN;
import static dev.paperboy.telegram.TelegramHarness.GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.telegram.FakeTelegramServer.Chat;
import dev.paperboy.telegram.FakeTelegramServer.Sent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Subscriptions made in Telegram reach Telegram chats through the delivery engine, as `run` wires them. */
class TelegramDeliveryTest {

    private static final Chat ADMIN_CHAT = Chat.privateWith(ADMIN);

    @TempDir
    Path dir;

    private TelegramHarness bot;

    @BeforeEach
    void start() throws Exception {
        // The fixtures are dated 2022-11-15; run the clock from the morning after, so they are new.
        Clock clock = Clock.offset(Clock.systemUTC(),
                Duration.between(Instant.now(), Instant.parse("2022-11-16T09:00:00Z")));
        bot = new TelegramHarness(dir, clock, TelegramAdapter.Options.defaults().withPollTimeoutSeconds(1), null);
        bot.app.deliverVia(bot.adapter.formatter(), bot.adapter.sender());
        bot.app.startDelivery();
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    @Test
    void aDigestReachesTwoSubscribedChatsOnceEach() {
        for (Chat chat : List.of(ADMIN_CHAT, GROUP)) {
            assertThat(bot.single(chat, ADMIN, "/subscribe Vision Transformer at 08:00").text())
                    .contains("Vision Transformer");
            bot.converse(chat, ADMIN, "/deliver now");
        }
        for (Chat chat : List.of(ADMIN_CHAT, GROUP)) {
            List<Sent> digest = bot.fake.await("the digest in " + chat.id(), () -> bot.fake.sentTo(chat.id()),
                    sent -> sent.stream().anyMatch(s -> s.text().contains("Transformer Study 7")),
                    Duration.ofSeconds(20));
            assertThat(digest.stream().filter(s -> s.text().contains("Transformer Study 1")).count()).isEqualTo(1);
        }
        assertThat(bot.fake.rejected()).isEmpty();

        // Running again sends nothing new: every paper is in each chat's ledger.
        int before = bot.fake.sentTo(GROUP.id()).size();
        bot.converse(GROUP, ADMIN, "/deliver now");
        assertThat(bot.fake.sentTo(GROUP.id()).subList(before, bot.fake.sentTo(GROUP.id()).size()))
                .noneMatch(s -> s.text().contains("Transformer Study 1"));
    }
}
