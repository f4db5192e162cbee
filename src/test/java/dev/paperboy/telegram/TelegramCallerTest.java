package dev.paperboy.telegram;

import static dev.paperboy.telegram.TelegramHarness.ADMIN;
import static dev.paperboy.telegram.TelegramHarness.ALICE;
import static dev.paperboy.telegram.TelegramHarness.BOB;
import static dev.paperboy.telegram.TelegramHarness.BOT;
import static dev.paperboy.telegram.TelegramHarness.GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.PaperboyApp;
import dev.paperboy.config.PaperboyConfig;
import dev.paperboy.core.command.Caller;
import dev.paperboy.core.command.Command;
import dev.paperboy.core.command.CommandDispatcher;
import dev.paperboy.core.command.CommandOption;
import dev.paperboy.core.command.CommandRegistry;
import dev.paperboy.core.command.CommandRequest;
import dev.paperboy.core.command.Reply;
import dev.paperboy.core.command.TextReply;
import dev.paperboy.telegram.FakeTelegramServer.Chat;
import dev.paperboy.telegram.FakeTelegramServer.Sent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who the adapter says a caller is (bot admin, chat admin, private chat), checked through a probe
 * command added to the registry, which also shows that a command added later works without any
 * change to the adapter; and the flood throttle, restarts and replies under rate limits.
 */
class TelegramCallerTest {

    @TempDir
    Path dir;

    /** A command that answers with what it was told about its caller. */
    static final class WhoAmI implements Command {
        @Override
        public String name() {
            return "whoami";
        }

        @Override
        public String description() {
            return "Who you are to Paperboy";
        }

        @Override
        public List<CommandOption> options() {
            return List.of();
        }

        @Override
        public Reply execute(CommandRequest request, Caller caller) {
            return TextReply.of("caller", "platform=" + caller.platform() + " chat=" + caller.chatId() + " user="
                    + caller.userId() + " admin=" + caller.admin() + " chatAdmin=" + caller.chatAdmin() + " private="
                    + caller.privateChat());
        }
    }

    private static CommandDispatcher withProbe(PaperboyApp app) {
        List<Command> commands = new ArrayList<>(app.dispatcher().registry().all());
        commands.add(new WhoAmI());
        return new CommandDispatcher(new CommandRegistry(commands));
    }

    @Test
    void adminsAndChatAdministratorsAreToldApartAndGetChatMemberIsCached() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2022-11-15T08:00:00Z"));
        try (TelegramHarness bot = new TelegramHarness(dir, clock, TelegramAdapter.Options.defaults()
                .withPollTimeoutSeconds(1).withFlood(1000, Duration.ofSeconds(10)), TelegramCallerTest::withProbe)) {
            bot.fake.setMemberStatus(GROUP.id(), ALICE.id(), "administrator");
            bot.fake.setMemberStatus(GROUP.id(), 1004, "creator");

            assertThat(bot.single(GROUP, ALICE, "/whoami@" + BOT).text())
                    .endsWith("chat=-100500 user=1002 admin=false chatAdmin=true private=false");
            assertThat(bot.single(GROUP, BOB, "/whoami").text()).endsWith("admin=false chatAdmin=false private=false");
            assertThat(bot.single(GROUP, new FakeTelegramServer.User(1004, "Olga"), "/whoami").text())
                    .endsWith("admin=false chatAdmin=true private=false");
            assertThat(bot.single(GROUP, ADMIN, "/whoami").text()).endsWith("admin=true chatAdmin=true private=false");
            assertThat(bot.single(Chat.privateWith(BOB), BOB, "/whoami").text())
                    .isEqualTo("caller\nplatform=TELEGRAM chat=1003 user=1003 admin=false chatAdmin=true private=true");

            int asked = bot.fake.calls("getChatMember").size();
            bot.single(GROUP, ALICE, "/whoami");
            assertThat(bot.fake.calls("getChatMember")).hasSize(asked);
            // Demoted: the adapter notices once the cached answer is old.
            bot.fake.setMemberStatus(GROUP.id(), ALICE.id(), "member");
            clock.advance(Duration.ofMinutes(3));
            assertThat(bot.single(GROUP, ALICE, "/whoami").text()).endsWith("chatAdmin=false private=false");
            assertThat(bot.fake.calls("getChatMember")).hasSize(asked + 1);

            // A command added to the registry is in the menu, and the admin's group menu has the admin commands.
            assertThat(bot.fake.commandMenus().get("default")).contains("whoami");
            assertThat(bot.fake.commandMenus().get("chat_member:-100500:1001")).contains("whoami", "reload", "subscribe");
        }
    }

    @Test
    void aUserWhoFloodsIsToldOnceAndThenIgnoredUntilTheWindowPasses() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2022-11-15T08:00:00Z"));
        try (TelegramHarness bot = new TelegramHarness(dir, clock, TelegramAdapter.Options.defaults()
                .withPollTimeoutSeconds(1).withFlood(3, Duration.ofSeconds(30)), null)) {
            Chat chat = GROUP;
            for (int i = 0; i < 6; i++) {
                bot.fake.pushMessage(chat, ALICE, "/topics");
            }
            List<Sent> replies = bot.fake.awaitSent(chat.id(), 0, 4);
            assertThat(replies.subList(0, 3)).allSatisfy(r -> assertThat(r.text()).contains("Vision Transformer"));
            assertThat(replies.get(3).text()).contains("faster than I can answer");
            // Someone else is not slowed down by Alice. A chat's updates are handled in order, so Bob's answer
            // also means Alice's last two were ignored before the clock moves on.
            assertThat(bot.single(chat, BOB, "/topics").text()).contains("Speech");

            clock.advance(Duration.ofSeconds(31));
            assertThat(bot.single(chat, ALICE, "/topics").text()).contains("Speech");
            // Exactly: three answers, one notice, Bob's answer and sentinel, Alice's answer after the pause and the
            // sentinel's.
            assertThat(bot.fake.sentTo(chat.id())).hasSize(8);
        }
    }

    @Test
    void afterARestartOldButtonsAnswerWithANoticeAndTheNewBotPages() throws Exception {
        Path content;
        FakeTelegramServer.Sent results;
        TelegramHarness first = new TelegramHarness(dir);
        FakeTelegramServer fake = first.fake;
        try {
            results = first.single(Chat.privateWith(ALICE), ALICE, "/search transformer");
            content = first.content;
            first.adapter.close();

            try (PaperboyApp app = new PaperboyApp(new PaperboyConfig(content, dir.resolve("data2"), null, null, false,
                    2, null, null, null), Clock.systemUTC());
                 TelegramAdapter restarted = new TelegramAdapter(new PaperboyConfig.Telegram(true, fake.apiUrl(),
                         List.of()), TelegramHarness.TOKEN, app.dispatcher(), new TelegramRenderer(), Clock.systemUTC(),
                         TelegramAdapter.Options.defaults().withPollTimeoutSeconds(1))) {
                app.loadContent();
                restarted.start();
                String stale = fake.press(ALICE, results, "Next »");
                assertThat(fake.awaitCallbackAnswer(stale).path("text").asText()).contains("expired");
                assertThat(fake.latest(results)).isEqualTo(results);
            }
        } finally {
            first.close();
        }
    }

    @Test
    void aReplyThatIsRateLimitedIsSentAfterTheWait() throws Exception {
        try (TelegramHarness bot = new TelegramHarness(dir)) {
            bot.fake.rateLimitNextSends(1, 1);
            assertThat(bot.single(Chat.privateWith(ALICE), ALICE, "/topics").text()).contains("Speech");
            assertThat(bot.fake.calls("sendMessage").stream().filter(c -> c.status() == 429)).hasSize(1);
        }
    }
}
