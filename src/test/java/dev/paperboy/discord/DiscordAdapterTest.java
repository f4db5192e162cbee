package dev.paperboy.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperboy.ContentFiles;
import dev.paperboy.PaperboyApp;
import dev.paperboy.config.PaperboyConfig;
import dev.paperboy.core.Digest;
import dev.paperboy.core.command.Caller;
import dev.paperboy.core.command.Command;
import dev.paperboy.core.command.CommandDispatcher;
import dev.paperboy.core.command.CommandOption;
import dev.paperboy.core.command.CommandRegistry;
import dev.paperboy.core.command.CommandRequest;
import dev.paperboy.core.command.Reply;
import dev.paperboy.core.command.TextReply;
import dev.paperboy.core.command.TypedText;
import dev.paperboy.core.delivery.OutgoingMessage;
import dev.paperboy.core.delivery.SendOutcome;
import dev.paperboy.core.delivery.Target;
import dev.paperboy.core.command.Platform;
import dev.paperboy.discord.FakeDiscord.Interaction;
import dev.paperboy.discord.FakeDiscord.Who;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The Discord adapter with the real JDA against {@link FakeDiscord}, over real content and the Lucene index. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class DiscordAdapterTest {

    static final String HOSTILE = """
            {"topic": "Hostile", "date": "2022-11-14", "papers": [
              {"id": "2211.01234", "title": "@everyone **Bold** claims <@123> and _more_",
               "authors": ["Eve @here Mallory"], "abstract": "An invented abstract that says @everyone and `code`.",
               "comment": "# not a heading"}
            ]}
            """;

    FakeDiscord fake;
    PaperboyApp app;
    DiscordAdapter adapter;
    Path content;
    CommandRegistry registry;

    /** A command slower than the time Discord gives for a direct answer. */
    static final class SlowCommand implements Command {
        @Override
        public String name() {
            return "slow";
        }

        @Override
        public String description() {
            return "Takes a while";
        }

        @Override
        public List<CommandOption> options() {
            return List.of();
        }

        @Override
        public Reply execute(CommandRequest request, Caller caller) {
            try {
                Thread.sleep(700);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return TextReply.of("finally done");
        }
    }

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        fake = new FakeDiscord();
        content = ContentFiles.standard(dir.resolve("content"));
        ContentFiles.write(content, "hostile.json", HOSTILE);
        PaperboyConfig config = new PaperboyConfig(content, dir.resolve("data"), null, null, false, 2, null, null, null);
        app = new PaperboyApp(config, Clock.systemUTC());
        assertThat(app.loadContent().applied()).isTrue();
        List<Command> commands = new ArrayList<>(app.dispatcher().registry().all());
        commands.add(new SlowCommand());
        registry = new CommandRegistry(commands);
        adapter = newAdapter();
        adapter.start();
    }

    private DiscordAdapter newAdapter() {
        PaperboyConfig.Discord discord = new PaperboyConfig.Discord(true, fake.apiUrl(), fake.gatewayUrl(),
                fake.guildId, List.of(fake.managerUserId));
        return new DiscordAdapter(discord, FakeDiscord.TOKEN, new CommandDispatcher(registry),
                () -> app.library().current().topics().stream().map(t -> t.name()).toList(),
                new DiscordRenderer(), Clock.systemUTC(), Duration.ofMillis(400));
    }

    @AfterAll
    void stop() {
        if (adapter != null) {
            adapter.stop();
        }
        if (app != null) {
            app.close();
        }
        if (fake != null) {
            fake.close();
        }
    }

    private static JsonNode command(List<JsonNode> commands, String name) {
        return commands.stream().filter(c -> c.path("name").asText().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> names(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }

    private static void assertClean(Interaction interaction) {
        assertThat(interaction.errors).as("what the fake Discord rejected").isEmpty();
    }

    // ---------------------------------------------------------------- registration

    @Test
    void registersEveryCommandGloballyAndInTheDevGuildWithTypedOptions() {
        List<JsonNode> global = fake.commands.get("global");
        assertThat(names(fake.commands.get("global").stream().collect(
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance::arrayNode,
                com.fasterxml.jackson.databind.node.ArrayNode::add, (a, b) -> a.addAll(b)), "name"))
                .containsExactlyInAnyOrderElementsOf(registry.all().stream().map(Command::name).toList());
        assertThat(fake.commands.get(fake.guildId)).hasSameSizeAs(global);

        JsonNode search = command(global, "search");
        assertThat(names(search.path("options"), "name")).containsExactly("query", "page");
        assertThat(search.path("options").get(0).path("required").asBoolean()).isTrue();
        assertThat(search.path("options").get(1).path("type").asInt()).isEqualTo(4);
        assertThat(command(global, "latest").path("options").get(0).path("autocomplete").asBoolean()).isTrue();
        assertThat(command(global, "reload").path("default_member_permissions").asText()).isEqualTo("32");
        assertThat(command(global, "status").path("default_member_permissions").asText()).isEqualTo("32");
        assertThat(command(global, "search").path("default_member_permissions").isNull()).isTrue();

        JsonNode subscribe = command(global, "subscribe");
        assertThat(subscribe.path("default_member_permissions").asText()).isEqualTo("16");
        assertThat(names(subscribe.path("options"), "name")).containsExactly("what", "time", "timezone", "from", "channel");
        assertThat(subscribe.path("options").get(0).path("autocomplete").asBoolean()).isTrue();
        assertThat(subscribe.path("options").get(2).path("autocomplete").asBoolean()).isTrue();
        assertThat(subscribe.path("options").get(4).path("type").asInt()).isEqualTo(7);
        global.forEach(c -> assertThat(c.path("description").asText().length()).isBetween(1, 100));
    }

    @Test
    void aRestartWithUnchangedCommandsDoesNotRegisterThemAgain() throws Exception {
        int puts = fake.requests("PUT", ".*/commands").size();
        int gets = fake.requests("GET", ".*/commands").size();
        DiscordAdapter second = newAdapter();
        try {
            second.start();
        } finally {
            second.stop();
        }
        assertThat(fake.requests("GET", ".*/commands").size()).isEqualTo(gets + 2);
        assertThat(fake.requests("PUT", ".*/commands").size()).isEqualTo(puts);
        assertThat(puts).isEqualTo(2);
    }

    // ---------------------------------------------------------------- commands

    @Test
    void everyCommandAnswersThroughInteractionCreate() {
        Interaction help = fake.slash(Who.PLAIN, fake.generalId, "help").awaitMessages(1);
        assertThat(help.allText()).contains("/search");
        assertThat(help.callbackType).isEqualTo(4);

        Interaction topics = fake.slash(Who.PLAIN, fake.generalId, "topics").awaitMessages(1);
        assertThat(topics.allText()).contains("Vision Transformer").contains("Speech");

        Interaction latest = fake.slash(Who.PLAIN, fake.generalId, "latest", "topic", "vision transformer")
                .awaitMessages(1);
        assertThat(latest.message(0).path("embeds").size()).isEqualTo(2);
        assertThat(latest.allText()).contains("Sparse Patches for Fast Vision Transformers");
        assertThat(latest.ephemeral(0)).isFalse();

        Interaction digest = fake.slash(Who.PLAIN, fake.generalId, "digest", "date", "2022-11-16", "topic", "Speech")
                .awaitMessages(1);
        assertThat(digest.allText()).contains("Listening Transformers");
        JsonNode embed = digest.message(0).path("embeds").get(0);
        assertThat(embed.path("url").asText()).isEqualTo("https://arxiv.org/abs/2211.09999");

        Interaction paper = fake.slash(Who.PLAIN, fake.generalId, "paper", "id", "2211.09999").awaitMessages(1);
        assertThat(paper.allText()).contains("An invented abstract about hearing.");

        Interaction search = fake.slash(Who.PLAIN, fake.generalId, "search", "query", "sparse patches")
                .awaitMessages(1);
        assertThat(search.allText()).contains("Sparse Patches");

        Interaction bad = fake.slash(Who.PLAIN, fake.generalId, "digest", "date", "someday").awaitMessages(1);
        assertThat(bad.ephemeral(0)).isTrue();
        assertThat(bad.allText()).contains("is not a date");

        for (Interaction i : List.of(help, topics, latest, digest, paper, search, bad)) {
            assertClean(i);
            assertThat(i.message(0).path("allowed_mentions").path("parse").isArray()).isTrue();
            assertThat(i.message(0).path("allowed_mentions").path("parse")).isEmpty();
        }
    }

    @Test
    void aSlowCommandIsDeferredAndFollowedUp() {
        Interaction slow = fake.slash(Who.PLAIN, fake.generalId, "slow").awaitMessages(1);
        assertThat(slow.callbackType).isEqualTo(5);
        assertThat(slow.allText()).contains("finally done");
        assertClean(slow);
        assertThat(fake.requests("PATCH", "/webhooks/.*/messages/@original")).isNotEmpty();
    }

    @Test
    void topicAndTimezoneAutocompleteFilterWhatWasTyped() {
        Interaction topics = fake.autocomplete(Who.PLAIN, "latest", "topic", "vis");
        FakeDiscord.await(() -> topics.choices != null, Duration.ofSeconds(5), "topic choices");
        assertThat(names(topics.choices, "name")).containsExactly("Vision Transformer");

        Interaction all = fake.autocomplete(Who.PLAIN, "latest", "topic", "");
        FakeDiscord.await(() -> all.choices != null, Duration.ofSeconds(5), "all topics");
        assertThat(names(all.choices, "name")).contains("Hostile", "Speech", "Vision Transformer");

        Interaction zones = fake.autocomplete(Who.MANAGER, "subscribe", "timezone", "europe/");
        FakeDiscord.await(() -> zones.choices != null, Duration.ofSeconds(5), "zones");
        assertThat(zones.choices.size()).isEqualTo(25);
        assertThat(names(zones.choices, "value")).allMatch(z -> z.startsWith("Europe/"));

        Interaction york = fake.autocomplete(Who.MANAGER, "subscribe", "timezone", "new york");
        FakeDiscord.await(() -> york.choices != null, Duration.ofSeconds(5), "new york");
        assertThat(names(york.choices, "value")).contains("America/New_York");
        assertClean(topics);
        assertClean(zones);
    }

    @Test
    void searchResultsPageWithButtonsAndOldButtonsExpireGracefully() {
        Interaction first = fake.slash(Who.PLAIN, fake.generalId, "search", "query", "invented").awaitMessages(1);
        ObjectNode message = first.message(first.messages.size() - 1);
        assertThat(first.allText()).contains("page 1 of");
        JsonNode buttons = message.path("components").get(0).path("components");
        assertThat(buttons.get(0).path("disabled").asBoolean()).isTrue();
        String next = buttons.get(2).path("custom_id").asText();
        assertThat(next.length()).isLessThanOrEqualTo(100);

        Interaction second = fake.click(Who.PLAIN, message, next).awaitMessages(1);
        assertThat(second.callbackType).isEqualTo(7);
        assertThat(second.allText()).contains("page 2 of");
        ObjectNode page2 = second.message(0);
        String previous = page2.path("components").get(0).path("components").get(0).path("custom_id").asText();

        Interaction back = fake.click(Who.PLAIN, page2, previous).awaitMessages(1);
        assertThat(back.allText()).contains("page 1 of");

        Interaction bigPage = fake.slash(Who.PLAIN, fake.generalId, "search", "query", "invented", "page", 2L)
                .awaitMessages(1);
        assertThat(bigPage.allText()).contains("page 2 of");

        adapter.searches().clear();
        Interaction expired = fake.click(Who.PLAIN, page2, previous).awaitMessages(1);
        assertThat(expired.ephemeral(0)).isTrue();
        assertThat(expired.allText()).contains("This result has expired, search again");
        for (Interaction i : List.of(first, second, back, bigPage, expired)) {
            assertClean(i);
        }
    }

    @Test
    void aTwoThousandCharacterHostileQueryIsEchoedShortAndPagesWithinTheLimits() {
        String query = "invented <>&\"*_`@# 💥 ".repeat(100).substring(0, 2000).strip();
        String shown = DiscordRenderer.escapeMarkdown(TypedText.query(query));
        Interaction first = fake.slash(Who.PLAIN, fake.generalId, "search", "query", query).awaitMessages(1);
        assertClean(first);
        String content = first.message(0).path("content").asText();
        assertThat(content).startsWith("🔎 **" + shown + "**\n").contains("page 1 of")
                .contains("invented <>&\"\\*\\_\\`@\u200B# 💥 invented").doesNotContain("@#");
        ObjectNode message = first.message(first.messages.size() - 1);
        String next = message.path("components").get(0).path("components").get(2).path("custom_id").asText();
        assertThat(next.length()).isLessThanOrEqualTo(100);

        Interaction second = fake.click(Who.PLAIN, message, next).awaitMessages(1);
        assertClean(second);
        assertThat(second.message(0).path("content").asText()).startsWith("🔎 **" + shown + "**\n")
                .contains("page 2 of");

        Interaction none = fake.slash(Who.PLAIN, fake.generalId, "search", "query",
                ("@everyone xqzvbnm " + query).substring(0, 2000)).awaitMessages(1);
        assertClean(none);
        assertThat(none.allText()).startsWith("**No papers match \"@\u200Beveryone xqzvbnm invented <>&\"\\*\\_")
                .hasSizeLessThan(400);
    }

    // ---------------------------------------------------------------- permissions

    @Test
    void nonAdminsAreRefusedPrivatelyAndAdminsAreServed() {
        Interaction refused = fake.slash(Who.PLAIN, fake.generalId, "reload").awaitMessages(1);
        assertThat(refused.ephemeral(0)).isTrue();
        assertThat(refused.allText()).contains("Manage Server");

        Interaction status = fake.slash(Who.ADMIN, fake.generalId, "status").awaitMessages(1);
        assertThat(status.allText()).contains("Paperboy status");
        assertThat(status.ephemeral(0)).isTrue();

        Interaction configured = fake.slash(Who.MANAGER, fake.generalId, "status").awaitMessages(1);
        assertThat(configured.allText()).contains("Paperboy status");

        Interaction subscribe = fake.slash(Who.PLAIN, fake.generalId, "subscribe", "what", "Speech").awaitMessages(1);
        assertThat(subscribe.ephemeral(0)).isTrue();
        assertThat(subscribe.allText()).contains("Manage Channels");
        for (Interaction i : List.of(refused, status, configured, subscribe)) {
            assertClean(i);
        }
    }

    @Test
    void subscribePassesTimeZoneAndChannelAndChecksTheBotsPermissions() {
        Interaction ok = fake.slash(Who.MANAGER, fake.noEmbedId, "subscribe", "what", "Speech", "time", "08:30",
                "timezone", "Europe/Berlin", "channel", fake.generalId).awaitMessages(1);
        assertThat(ok.ephemeral(0)).isFalse();
        assertThat(ok.allText()).contains("Subscribed").contains("Speech").contains("08:30 Europe/Berlin");
        // The subscription belongs to the channel named in the option, not the one the command was typed in.
        Interaction listed = fake.slash(Who.PLAIN, fake.generalId, "subscriptions").awaitMessages(1);
        assertThat(listed.allText()).contains("Speech").contains("08:30").contains("Europe/Berlin");
        Interaction elsewhere = fake.slash(Who.PLAIN, fake.noEmbedId, "subscriptions").awaitMessages(1);
        assertThat(elsewhere.allText()).contains("no subscriptions");

        Interaction locked = fake.slash(Who.OWNER, fake.generalId, "subscribe", "what", "Speech", "channel",
                fake.lockedId).awaitMessages(1);
        assertThat(locked.ephemeral(0)).isTrue();
        assertThat(locked.allText()).contains("#announcements").contains("Send Messages").doesNotContain("View Channel");

        Interaction noEmbeds = fake.slash(Who.OWNER, fake.generalId, "subscribe", "what", "Speech", "channel",
                fake.noEmbedId).awaitMessages(1);
        assertThat(noEmbeds.allText()).contains("Embed Links");

        Interaction hidden = fake.slash(Who.OWNER, fake.generalId, "subscribe", "what", "Speech", "channel",
                fake.hiddenId).awaitMessages(1);
        assertThat(hidden.allText()).contains("View Channel");
        for (Interaction i : List.of(ok, listed, elsewhere, locked, noEmbeds, hidden)) {
            assertClean(i);
        }
    }

    @Test
    void reloadWithABrokenFileKeepsTheOldContentAnswering() {
        ContentFiles.write(content, "broken.txt", "Robots\n\n2022-11-17\n\nA Title Without Authors\n\nText.\n");
        try {
            Interaction reload = fake.slash(Who.ADMIN, fake.generalId, "reload").awaitMessages(1);
            assertThat(reload.ephemeral(0)).isTrue();
            assertThat(reload.allText()).contains("previous content is still being served").contains("broken.txt:7");
            Interaction search = fake.slash(Who.PLAIN, fake.generalId, "search", "query", "sparse patches")
                    .awaitMessages(1);
            assertThat(search.allText()).contains("Sparse Patches");
            assertClean(reload);
            assertClean(search);
        } finally {
            try {
                java.nio.file.Files.deleteIfExists(content.resolve("broken.txt"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Test
    void aHostileTitlePingsNobodyAndStaysLiteral() {
        Interaction latest = fake.slash(Who.PLAIN, fake.generalId, "latest", "topic", "Hostile").awaitMessages(1);
        assertClean(latest);
        ObjectNode message = latest.message(0);
        assertThat(message.path("allowed_mentions").path("parse")).isEmpty();
        JsonNode embed = message.path("embeds").get(0);
        assertThat(embed.path("title").asText()).startsWith("@\u200Beveryone \\*\\*Bold\\*\\*").contains("<@\u200B123>");
        String fields = embed.path("fields").toString();
        assertThat(fields).contains("Eve @\u200Bhere Mallory").contains("\\\\# not a heading");
        assertThat(embed.path("description").asText()).contains("@\u200Beveryone").contains("\\`code\\`");
    }

    // ---------------------------------------------------------------- delivery

    @Test
    void aDigestIsSentInOrderToAChannelAndAThread() {
        Digest digest = app.library().current().latest("Vision Transformer").orElseThrow();
        DiscordDigestFormatter formatter = adapter.formatter();
        List<OutgoingMessage> messages = formatter.format(digest);
        assertThat(messages).isNotEmpty();
        DiscordSender sender = adapter.sender();
        int before = fake.messagesIn(fake.generalId).size();
        for (OutgoingMessage m : messages) {
            assertThat(sender.send(Target.chat(Platform.DISCORD, fake.generalId), m)).isInstanceOf(SendOutcome.Sent.class);
        }
        for (OutgoingMessage m : messages) {
            assertThat(sender.send(new Target(Platform.DISCORD, fake.generalId, fake.threadId), m))
                    .isInstanceOf(SendOutcome.Sent.class);
        }
        List<ObjectNode> inChannel = fake.messagesIn(fake.generalId);
        assertThat(inChannel.size() - before).isEqualTo(messages.size());
        assertThat(inChannel.get(before).path("content").asText()).contains("Vision Transformer");
        assertThat(inChannel.get(before).path("allowed_mentions").path("parse")).isEmpty();
        assertThat(fake.messagesIn(fake.threadId)).hasSize(messages.size());
    }

    @Test
    void goneChannelsAndMalformedPayloadsAreReportedNotThrown() {
        DiscordSender sender = adapter.sender();
        OutgoingMessage hello = DiscordPayloads.toOutgoing(DiscordMessage.text("hello"), 0);
        assertThat(sender.send(Target.chat(Platform.DISCORD, fake.lockedId), hello))
                .isInstanceOfSatisfying(SendOutcome.TargetGone.class, g -> assertThat(g.reason()).contains("50013"));
        assertThat(sender.send(Target.chat(Platform.DISCORD, fake.hiddenId), hello))
                .isInstanceOfSatisfying(SendOutcome.TargetGone.class, g -> assertThat(g.reason()).contains("50001"));
        assertThat(sender.send(Target.chat(Platform.DISCORD, "123456789012345678"), hello))
                .isInstanceOfSatisfying(SendOutcome.TargetGone.class, g -> assertThat(g.reason()).contains("10003"));
        assertThat(sender.send(Target.chat(Platform.DISCORD, fake.generalId),
                new OutgoingMessage("{\"content\":\"" + "x".repeat(2001) + "\"}")))
                .isInstanceOf(SendOutcome.Rejected.class);
        assertThat(sender.send(Target.chat(Platform.DISCORD, fake.generalId), new OutgoingMessage("not json")))
                .isInstanceOf(SendOutcome.Rejected.class);
    }

    @Test
    void aRateLimitDuringSendingIsWaitedOutByJda() {
        DiscordSender sender = adapter.sender();
        fake.rateLimitNext("POST", "/channels/" + fake.generalId, 0.6, false);
        SendOutcome outcome = sender.send(Target.chat(Platform.DISCORD, fake.generalId),
                DiscordPayloads.toOutgoing(DiscordMessage.text("after the limit"), 0));
        assertThat(outcome).isInstanceOf(SendOutcome.Sent.class);
        List<FakeDiscord.Request> posts = fake.requests("POST", "/channels/" + fake.generalId + "/messages");
        FakeDiscord.Request limited = posts.stream().filter(r -> r.status() == 429).reduce((a, b) -> b).orElseThrow();
        FakeDiscord.Request retried = posts.get(posts.indexOf(limited) + 1);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(Duration.between(limited.at(), retried.at())).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        assertThat(fake.messagesIn(fake.generalId).stream().map(m -> m.path("content").asText())
                .collect(Collectors.toList())).contains("after the limit");
    }

    // ---------------------------------------------------------------- gateway

    @Test
    void aDroppedGatewayIsResumedAndCommandsKeepWorking() {
        int identifies = fake.identifies();
        fake.dropGateway();
        FakeDiscord.await(() -> fake.resumes() >= 1, Duration.ofSeconds(15), "JDA to resume");
        Interaction help = fake.slash(Who.PLAIN, fake.generalId, "help").awaitMessages(1);
        assertClean(help);
        assertThat(fake.identifies()).isEqualTo(identifies);
    }
}
