package dev.paperboy.telegram;

import static dev.paperboy.telegram.TelegramHarness.ADMIN;
import static dev.paperboy.telegram.TelegramHarness.ALICE;
import static dev.paperboy.telegram.TelegramHarness.BOB;
import static dev.paperboy.telegram.TelegramHarness.BOT;
import static dev.paperboy.telegram.TelegramHarness.GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.ContentFiles;
import dev.paperboy.core.command.Command;
import dev.paperboy.core.command.CommandOption;
import dev.paperboy.core.command.TypedText;
import dev.paperboy.telegram.FakeTelegramServer.Chat;
import dev.paperboy.telegram.FakeTelegramServer.Sent;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter end to end: the real Telegram Bots client against the strict fake Bot API server. */
class TelegramAdapterTest {

    private static final Chat ALICE_CHAT = Chat.privateWith(ALICE);
    private static final Chat ADMIN_CHAT = Chat.privateWith(ADMIN);

    @TempDir
    Path dir;

    private TelegramHarness bot;

    @BeforeEach
    void start() throws Exception {
        bot = new TelegramHarness(dir);
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    @Test
    void signsInAndRegistersThePublicCommandMenu() {
        assertThat(bot.adapter.botUsername()).isEqualTo(BOT);
        assertThat(bot.fake.calls("deleteWebhook")).hasSize(1);
        List<Command> all = bot.app.dispatcher().registry().all();
        List<String> publicCommands = all.stream().filter(c -> !c.adminOnly() && !c.chatAdminOnly())
                .map(Command::name).toList();
        List<String> withChatAdmin = all.stream().filter(c -> !c.adminOnly()).map(Command::name).toList();
        assertThat(bot.fake.commandMenus().get("default")).containsExactlyElementsOf(publicCommands)
                .contains("search", "help").doesNotContain("reload", "status", "subscribe", "unsubscribe", "pause",
                        "resume");
        // In a private chat anyone manages their own subscriptions; in a group only its administrators.
        assertThat(bot.fake.commandMenus().get("all_private_chats")).containsExactlyElementsOf(withChatAdmin)
                .contains("search", "subscribe", "unsubscribe", "pause", "resume").doesNotContain("reload", "status");
        assertThat(bot.fake.commandMenus().get("all_chat_administrators")).containsExactlyElementsOf(withChatAdmin);
        assertThat(bot.fake.commandMenus().get("all_group_chats")).containsExactlyElementsOf(publicCommands);
        // The admin has not written to the bot yet, so Telegram knows no chat with them.
        assertThat(bot.fake.commandMenus()).doesNotContainKey("chat:1001");
    }

    @Test
    void anAdminSeesTheAdminCommandsOnceTheyWriteToTheBot() {
        bot.converse(ADMIN_CHAT, ADMIN, "/start");

        assertThat(bot.fake.commandMenus().get("chat:1001")).containsExactlyElementsOf(
                bot.app.dispatcher().registry().all().stream().map(Command::name).toList())
                .contains("reload", "status", "search", "subscribe");
        bot.converse(Chat.privateWith(ALICE), ALICE, "/start");
        assertThat(bot.fake.commandMenus()).doesNotContainKey("chat:1002");
    }

    @Test
    void startWelcomesAndShowsHelp() {
        List<Sent> replies = bot.converse(ALICE_CHAT, ALICE, "/start");

        assertThat(replies).hasSizeGreaterThanOrEqualTo(2);
        assertThat(replies.get(0).text()).contains("Hello, I am Paperboy").contains("/search vision transformer")
                .contains("@" + BOT);
        assertThat(replies.get(1).text()).contains("/search <query>").doesNotContain("/reload");
        assertThat(replies).allSatisfy(r -> {
            assertThat(r.parseMode()).isEqualTo("HTML");
            assertThat(r.previewDisabled()).isTrue();
        });
    }

    @Test
    void everyCommandOfTheRegistryAnswersInAPrivateChatAndInAGroup() {
        for (Command command : bot.app.dispatcher().registry().all()) {
            String line = "/" + command.name() + arguments(command);
            for (Chat chat : List.of(ALICE_CHAT, GROUP)) {
                List<Sent> plain = bot.converse(chat, ALICE, line);
                assertThat(plain).as(line + " in " + chat.type()).isNotEmpty();
                if (command.adminOnly()) {
                    assertThat(plain.get(0).text()).as(line).contains("is for admins only");
                } else if (command.chatAdminOnly() && chat == GROUP) {
                    assertThat(plain.get(0).text()).as(line).contains("Only admins of this chat can");
                } else {
                    // Arguments made up for every command may be refused, but only as a user's mistake.
                    assertThat(plain.get(0).text()).as(line).doesNotContain("failed on my side");
                }
                List<Sent> addressed = bot.converse(chat, ALICE, line.replaceFirst(" |$", "@" + BOT + " ").strip());
                assertThat(addressed.stream().map(Sent::text).toList()).as(line + "@" + BOT)
                        .isEqualTo(plain.stream().map(Sent::text).toList());
            }
            List<Sent> asAdmin = bot.converse(ADMIN_CHAT, ADMIN, line);
            assertThat(asAdmin).isNotEmpty();
            assertThat(asAdmin.get(0).text()).as(line + " by an admin").doesNotContain("failed on my side")
                    .doesNotContain("is for admins only");
        }
    }

    @Test
    void specificCommandsAnswerWithTheirContent() {
        assertThat(bot.single(ALICE_CHAT, ALICE, "/paper 2211.09999").text()).contains("Listening Transformers")
                .contains("Dee Voice").contains("An invented abstract about hearing.");
        assertThat(bot.single(ALICE_CHAT, ALICE, "/latest speech").text()).contains("Speech · 2022-11-16")
                .contains("Listening Transformers");
        assertThat(bot.single(ALICE_CHAT, ALICE, "/topics").text()).contains("Vision Transformer").contains("Speech");
        assertThat(bot.single(GROUP, BOB, "/digest 2022-11-16").text()).contains("Listening Transformers");
        Sent paper = bot.single(ALICE_CHAT, ALICE, "/paper 2211.09999");
        assertThat(paper.html()).contains("<a href=\"https://arxiv.org/abs/2211.09999\">");
    }

    @Test
    void inAGroupCommandsForOtherBotsAndUnknownBareCommandsAreIgnored() {
        assertThat(bot.converse(GROUP, ALICE, "/search@SomeOtherBot transformer")).isEmpty();
        assertThat(bot.converse(GROUP, ALICE, "/weather Berlin")).isEmpty();
        assertThat(bot.converse(GROUP, ALICE, "just chatting about transformers")).isEmpty();
        assertThat(bot.single(GROUP, ALICE, "/weather@" + BOT + " Berlin").text())
                .contains("I don't know the command /weather");
        assertThat(bot.single(GROUP, ALICE, "/SEARCH@paperboytestbot transformer").text())
                .contains("8 results · page 1 of 4");
        // In a private chat an unknown command and plain text get an answer.
        assertThat(bot.single(ALICE_CHAT, ALICE, "/weather").text()).contains("I don't know the command");
        assertThat(bot.single(ALICE_CHAT, ALICE, "vision <transformer>").text())
                .contains("/search vision <transformer>");
    }

    @Test
    void searchPagesForwardAndBackByEditingTheMessage() {
        Sent first = bot.single(ALICE_CHAT, ALICE, "/search transformer");
        assertThat(first.text()).contains("8 results · page 1 of 4").contains("Transformer Study");
        assertThat(first.buttons().get(first.buttons().size() - 1).keySet())
                .containsExactly("Page 1 of 4", "Next »");

        String next = bot.fake.press(ALICE, first, "Next »");
        assertThat(bot.fake.awaitCallbackAnswer(next).path("text").isMissingNode()).isTrue();
        Sent second = bot.fake.await("page 2", () -> bot.fake.latest(first),
                m -> m.text().contains("page 2 of 4"), java.time.Duration.ofSeconds(10));
        // The button is answered first, so its spinner stops before the (rate-limited) edit.
        List<String> order = bot.fake.calls().stream().map(c -> c.method().toLowerCase(java.util.Locale.ROOT))
                .filter(m -> m.equals("answercallbackquery") || m.equals("editmessagetext")).toList();
        assertThat(order).containsExactly("answercallbackquery", "editmessagetext");
        assertThat(second.buttons().get(second.buttons().size() - 1).keySet())
                .containsExactly("« Previous", "Page 2 of 4", "Next »");

        String label = bot.fake.press(ALICE, second, "Page 2 of 4");
        bot.fake.awaitCallbackAnswer(label);

        String back = bot.fake.press(ALICE, second, "« Previous");
        bot.fake.awaitCallbackAnswer(back);
        Sent again = bot.fake.await("page 1 again", () -> bot.fake.latest(first),
                m -> m.text().contains("page 1 of 4"), java.time.Duration.ofSeconds(10));
        assertThat(again.text()).isEqualTo(first.text());
        // Paging edits in place: no new messages.
        assertThat(bot.fake.sentTo(ALICE_CHAT.id())).hasSize(2); // the search and the sentinel's answer
    }

    @Test
    void aTwoHundredCharacterQueryPagesWithShortCallbackData() {
        String query = "transformer ".repeat(16) + "invented";
        assertThat(query).hasSize(200);
        Sent first = bot.single(GROUP, BOB, "/search@" + BOT + " " + query);
        assertThat(first.allCallbackData()).as(first.text()).isNotEmpty()
                .allSatisfy(d -> assertThat(d.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(64));

        String next = bot.fake.press(BOB, first, "Next »");
        bot.fake.awaitCallbackAnswer(next);
        Sent second = bot.fake.await("page 2", () -> bot.fake.latest(first), m -> m.text().contains("page 2 of 4"),
                java.time.Duration.ofSeconds(10));
        String last = bot.fake.press(BOB, second, "Next »");
        bot.fake.awaitCallbackAnswer(last);
        bot.fake.await("page 3", () -> bot.fake.latest(first), m -> m.text().contains("page 3 of 4"),
                java.time.Duration.ofSeconds(10));
    }

    @Test
    void aTwoThousandCharacterHostileQueryIsEchoedShortAndPagesWithinTheLimits() {
        String query = "transformer <>&\"*_`@# 💥 ".repeat(100).substring(0, 2000).strip();
        String shown = TypedText.query(query);
        Sent first = bot.single(GROUP, BOB, "/search@" + BOT + " " + query);
        assertThat(first.text()).startsWith("🔎 " + shown + "\n").contains("page 1 of 4");
        assertThat(first.html()).contains("🔎 <b>transformer &lt;&gt;&amp;&quot;*_`@# 💥 transformer");
        assertThat(first.allCallbackData())
                .allSatisfy(d -> assertThat(d.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(64));

        String next = bot.fake.press(BOB, first, "Next »");
        bot.fake.awaitCallbackAnswer(next);
        Sent second = bot.fake.await("page 2", () -> bot.fake.latest(first), m -> m.text().contains("page 2 of 4"),
                java.time.Duration.ofSeconds(10));
        assertThat(second.text()).startsWith("🔎 " + shown + "\n");

        Sent none = bot.single(GROUP, BOB, "/search@" + BOT + " " + query.replace("transformer", "<b>nothing</b>"));
        assertThat(none.text()).startsWith("No papers match \"<b>nothing</b> <>&\"*_`@# 💥 <b>nothing</b>")
                .hasSizeLessThan(300);
    }

    @Test
    void theMoreButtonShowsThePaperInFull() {
        Sent results = bot.single(ALICE_CHAT, ALICE, "/search transformer study 1");
        assertThat(results.buttons().get(0)).containsKey("📄 1");
        int before = bot.fake.sentTo(ALICE_CHAT.id()).size();

        String more = bot.fake.press(ALICE, results, "📄 1");
        bot.fake.awaitCallbackAnswer(more);
        List<Sent> paper = bot.fake.awaitSent(ALICE_CHAT.id(), before, 1);
        assertThat(paper.get(0).text()).contains("Transformer Study 1")
                .contains("Each sentence of this invented abstract adds little, on purpose. We study");
    }

    @Test
    void aStaleOrForgedButtonIsAnsweredWithANotice() {
        Sent results = bot.single(ALICE_CHAT, ALICE, "/search transformer");

        String forged = bot.fake.pressData(ALICE, results, "p:NoSuchToken:2");
        assertThat(bot.fake.awaitCallbackAnswer(forged).path("text").asText()).contains("expired");
        String garbage = bot.fake.pressData(ALICE, results, "something else");
        assertThat(bot.fake.awaitCallbackAnswer(garbage).path("text").asText()).contains("no longer works");
        assertThat(bot.fake.latest(results)).isEqualTo(results);
    }

    @Test
    void adminsReloadOthersArePolitelyRefused() {
        assertThat(bot.single(ALICE_CHAT, ALICE, "/reload").text())
                .isEqualTo("⚠️ Error: /reload is for admins only. Ask an admin of this bot to run it, or type /help "
                        + "to see what you can do.");
        assertThat(bot.single(GROUP, BOB, "/reload@" + BOT).text()).contains("is for admins only");
        assertThat(bot.single(GROUP, ADMIN, "/reload@" + BOT).text()).startsWith("Content reloaded: 3 digests");
        assertThat(bot.single(ADMIN_CHAT, ADMIN, "/status").text()).contains("Last reload");
    }

    @Test
    void aReloadWithABrokenFileKeepsTheOldContentAnswering() {
        ContentFiles.write(bot.content, "broken.txt", "Robots\n\n2022-11-17\n\nA Title Without Authors\n\nText.\n");

        Sent refused = bot.single(ADMIN_CHAT, ADMIN, "/reload");
        assertThat(refused.text()).contains("Reload refused").contains("previous content is still being served")
                .contains("broken.txt:7:");
        assertThat(bot.single(ALICE_CHAT, ALICE, "/search listening").text()).contains("Listening Transformers");
        assertThat(bot.single(ALICE_CHAT, ALICE, "/topics").text()).doesNotContain("Robots");
    }

    @Test
    void hostileTitlesAreEscapedAndAcceptedByTheStrictServer() {
        Sent digest = bot.single(ALICE_CHAT, ALICE, "/digest 2022-11-14");
        assertThat(digest.text()).contains("<script>alert(1)</script> & </b> Attention")
                .contains("Fish & Chips </b> Are <Not> Papers").contains("Security <b>");
        Sent paper = bot.single(ALICE_CHAT, ALICE, "/paper 2211.00201");
        assertThat(paper.text()).contains("Uses a < b && c > d. </b></i><a href=x>");
        Sent search = bot.single(ALICE_CHAT, ALICE, "/search attention </b> & <script>");
        assertThat(search.text()).doesNotContain("Error");
    }

    @Test
    void inlineModeOffersTheTopResultsAsArticles() {
        String id = bot.fake.pushInlineQuery(ALICE, "transformer", "");
        var answer = bot.fake.awaitInlineAnswer(id);
        assertThat(answer.path("results")).hasSize(2);
        assertThat(answer.path("next_offset").asText()).isEqualTo("2");
        var article = answer.path("results").get(0);
        assertThat(article.path("type").asText()).isEqualTo("article");
        assertThat(article.path("title").asText()).startsWith("Transformer Study");
        assertThat(article.path("input_message_content").path("message_text").asText())
                .contains("<a href=\"https://arxiv.org/abs/2211.0010");

        String more = bot.fake.pushInlineQuery(ALICE, "transformer", "4");
        assertThat(bot.fake.awaitInlineAnswer(more).path("next_offset").asText()).isEmpty();
        String empty = bot.fake.pushInlineQuery(ALICE, "", "");
        assertThat(bot.fake.awaitInlineAnswer(empty).path("results")).isEmpty();
        String hostile = bot.fake.pushInlineQuery(ALICE, "attention", "");
        assertThat(bot.fake.awaitInlineAnswer(hostile).path("results").get(0).path("title").asText())
                .contains("<script>");
    }

    @Test
    void theTokenNeverAppearsInRequestsBodiesOrLogs() {
        bot.converse(ALICE_CHAT, ALICE, "/search transformer");
        assertThat(bot.fake.calls().stream().map(c -> c.body().toString()).collect(Collectors.joining()))
                .doesNotContain(TelegramHarness.TOKEN);
        bot.assertTokenNeverLogged();
    }

    private static String arguments(Command command) {
        StringBuilder line = new StringBuilder();
        for (CommandOption option : command.options()) {
            if (!option.required()) {
                continue;
            }
            line.append(' ').append(switch (option.kind()) {
                case TEXT -> "transformer";
                case TOPIC -> "Speech";
                case DATE -> "2022-11-16";
                case PAPER_ID -> "2211.09999";
            });
        }
        return line.toString();
    }
}
