package dev.paperboy.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperboy.ContentFiles;
import dev.paperboy.PaperboyApp;
import dev.paperboy.config.PaperboyConfig;
import dev.paperboy.core.command.Command;
import dev.paperboy.core.delivery.DeliveryStats;
import dev.paperboy.discord.FakeDiscord.Interaction;
import dev.paperboy.discord.FakeDiscord.Who;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Subscriptions made with the real {@code /subscribe} on Discord reach Discord channels and threads through
 * the delivery engine, as {@code run} wires them: real JDA against {@link FakeDiscord}, real commands, store
 * and Lucene index.
 */
@Timeout(90)
class DiscordDeliveryTest {

    /** Fourteen papers, more than one message of ten embeds; one abstract is long, one title hostile. */
    static final String TRANSFORMERS;

    static {
        StringBuilder papers = new StringBuilder();
        for (int i = 1; i <= 14; i++) {
            String title = i == 3 ? "@everyone Transformer Study 3 <@123>" : "Transformer Study " + i;
            String abstractText = i == 1 ? ("We study transformer models at length. "
                    + "Each sentence of this invented abstract adds little, on purpose. ").repeat(20)
                    : "An invented abstract about transformer number " + i + ", @here.";
            papers.append(i == 1 ? "" : ",\n").append("{\"id\": \"2211.00").append(100 + i)
                    .append("\", \"title\": \"").append(title).append("\", \"authors\": [\"Ann Author\"], ")
                    .append("\"abstract\": \"").append(abstractText).append("\"}");
        }
        TRANSFORMERS = "{\"topic\": \"Vision Transformer\", \"date\": \"2022-11-15\", \"papers\": [\n" + papers + "\n]}";
    }

    @TempDir
    Path dir;

    FakeDiscord fake;
    PaperboyApp app;
    DiscordAdapter adapter;

    @BeforeEach
    void start() throws Exception {
        // The fixtures are dated 2022-11-15/16; run the clock from the morning after, so they are new.
        Clock clock = Clock.offset(Clock.systemUTC(),
                Duration.between(Instant.now(), Instant.parse("2022-11-16T09:00:00Z")));
        fake = new FakeDiscord();
        Path content = dir.resolve("content");
        ContentFiles.write(content, "transformers.json", TRANSFORMERS);
        ContentFiles.write(content, "speech.json", ContentFiles.SPEECH);
        PaperboyConfig config = new PaperboyConfig(content, dir.resolve("data"), null, null, false, 2, null, null, null);
        app = new PaperboyApp(config, clock);
        assertThat(app.loadContent().applied()).isTrue();
        PaperboyConfig.Discord discord = new PaperboyConfig.Discord(true, fake.apiUrl(), fake.gatewayUrl(),
                fake.guildId, List.of());
        adapter = new DiscordAdapter(discord, FakeDiscord.TOKEN, app.dispatcher(), app.library(), new DiscordRenderer(),
                clock);
        adapter.start();
        app.deliverVia(adapter.formatter(), adapter.sender());
        app.startDelivery();
    }

    @AfterEach
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

    @Test
    void theRealSubscribeOffersEachDiscordOptionOnce() {
        JsonNode subscribe = fake.commands.get("global").stream()
                .filter(c -> c.path("name").asText().equals("subscribe")).findFirst().orElseThrow();
        List<String> options = StreamSupport.stream(subscribe.path("options").spliterator(), false)
                .map(o -> o.path("name").asText()).toList();
        // The core's "at" and "tz" keywords are Discord's typed "time" and "timezone" options, not a second copy.
        assertThat(options).containsExactly("what", "time", "timezone", "from", "channel");
        assertThat(subscribe.path("default_member_permissions").asText()).isEqualTo("16");

        // For every command: each option once, and no keyword option left beside the typed option that adds it.
        for (Command command : app.dispatcher().registry().all()) {
            List<String> names = DiscordCommandDefinitions.build(command).getOptions().stream()
                    .map(o -> o.getName()).toList();
            assertThat(names).as("/" + command.name()).doesNotHaveDuplicates();
            DiscordCommandTable.extras(command.name()).stream()
                    .filter(e -> e.use() == DiscordCommandTable.Use.SUFFIX)
                    .forEach(e -> assertThat(names).as("/" + command.name()).doesNotContain(e.prefix()));
        }
    }

    @Test
    void aDigestReachesASubscribedChannelAndThreadAsEmbedsOnceEach() {
        Interaction channel = fake.slash(Who.MANAGER, fake.generalId, "subscribe", "what", "Vision Transformer",
                "time", "08:00", "timezone", "Europe/Berlin").awaitMessages(1);
        assertClean(channel);
        assertThat(channel.ephemeral(0)).isFalse();
        assertThat(channel.allText()).contains("Subscribed").contains("Vision Transformer")
                .contains("08:00").contains("Europe/Berlin");

        Interaction thread = fake.slash(Who.MANAGER, fake.generalId, "subscribe", "what", "Speech",
                "channel", fake.threadId).awaitMessages(1);
        assertClean(thread);
        assertThat(thread.allText()).contains("Subscribed").contains("Speech");

        Interaction deliverChannel = fake.slash(Who.ADMIN, fake.generalId, "deliver", "when", "now").awaitMessages(1);
        Interaction deliverThread = fake.slash(Who.ADMIN, fake.threadId, "deliver", "when", "now").awaitMessages(1);
        for (Interaction deliver : List.of(deliverChannel, deliverThread)) {
            assertClean(deliver);
            assertThat(deliver.ephemeral(0)).isTrue();
            assertThat(deliver.allText()).contains("Delivering now");
        }
        assertThat(deliverChannel.allText()).contains("14 papers");

        List<ObjectNode> inChannel = awaitTitles(fake.generalId, 14);
        List<ObjectNode> inThread = awaitTitles(fake.threadId, 1);
        Map<String, Integer> channelTitles = titles(inChannel);
        assertThat(channelTitles).hasSize(14).allSatisfy((title, count) -> assertThat(count).as(title).isEqualTo(1));
        assertThat(channelTitles).containsKey("@\u200Beveryone Transformer Study 3 <@\u200B123>");
        assertThat(titles(inThread)).containsOnlyKeys("Listening Transformers").containsValue(1);
        assertThat(inChannel).as("14 papers need more than one message of 10 embeds").hasSizeGreaterThan(1);
        assertThat(inChannel.get(0).path("content").asText()).contains("Vision Transformer").contains("14 papers");

        List<ObjectNode> all = new ArrayList<>(inChannel);
        all.addAll(inThread);
        for (ObjectNode message : all) {
            assertThat(FakeDiscord.validateMessage(message, "", true)).as("Discord's limits").isEmpty();
            assertThat(message.path("embeds").size()).isBetween(1, 10);
            assertThat(message.path("allowed_mentions").path("parse").isArray()).isTrue();
            assertThat(message.path("allowed_mentions").path("parse")).isEmpty();
            assertThat(message.toString()).doesNotContain("@everyone").doesNotContain("@here");
        }
        FakeDiscord.await(() -> app.delivery().worker().stats().sent() >= all.size(), Duration.ofSeconds(10),
                "the worker to count its sends");
        DeliveryStats stats = app.delivery().worker().stats();
        assertThat(stats.sent()).isEqualTo(all.size());
        assertThat(stats.failed() + stats.targetsGone() + stats.transientFailures()).isZero();

        // Running again sends nothing new: every paper is in each target's ledger.
        Interaction again = fake.slash(Who.ADMIN, fake.generalId, "deliver", "when", "now").awaitMessages(1);
        Interaction againThread = fake.slash(Who.ADMIN, fake.threadId, "deliver", "when", "now").awaitMessages(1);
        assertThat(again.allText()).contains("nothing new");
        assertThat(againThread.allText()).contains("nothing new");
        app.delivery().wakeUp();
        sleep(Duration.ofMillis(800));
        assertThat(app.delivery().worker().stats().sent()).isEqualTo(all.size());
        assertThat(fake.messagesIn(fake.generalId)).hasSameSizeAs(inChannel);
        assertThat(fake.messagesIn(fake.threadId)).hasSameSizeAs(inThread);
    }

    @Test
    void withoutManageChannelsTheRealSubscribeIsRefusedPrivately() {
        Interaction refused = fake.slash(Who.PLAIN, fake.generalId, "subscribe", "what", "Vision Transformer",
                "time", "08:00").awaitMessages(1);
        assertClean(refused);
        assertThat(refused.ephemeral(0)).isTrue();
        assertThat(refused.allText()).contains("Manage Channels").contains("#general");

        Interaction deliver = fake.slash(Who.MANAGER, fake.generalId, "deliver", "when", "now").awaitMessages(1);
        assertClean(deliver);
        assertThat(deliver.ephemeral(0)).isTrue();
        assertThat(deliver.allText()).contains("Manage Server");

        Interaction list = fake.slash(Who.PLAIN, fake.generalId, "subscriptions").awaitMessages(1);
        assertClean(list);
        assertThat(list.allText()).containsIgnoringCase("no subscriptions");
    }

    @Test
    void aBadTimeOrZoneIsAnsweredPrivatelyAndSubscribesNothing() {
        Interaction time = fake.slash(Who.MANAGER, fake.generalId, "subscribe", "what", "Speech", "time", "25:99")
                .awaitMessages(1);
        assertClean(time);
        assertThat(time.ephemeral(0)).isTrue();
        assertThat(time.allText()).contains("\"25:99\" is not a time of day");

        Interaction zone = fake.slash(Who.MANAGER, fake.generalId, "subscribe", "what", "Speech",
                "timezone", "Mars/Olympus").awaitMessages(1);
        assertClean(zone);
        assertThat(zone.ephemeral(0)).isTrue();
        assertThat(zone.allText()).contains("\"Mars/Olympus\" is not a timezone");

        Interaction from = fake.slash(Who.MANAGER, fake.generalId, "subscribe", "what", "Speech",
                "from", "someday").awaitMessages(1);
        assertClean(from);
        assertThat(from.ephemeral(0)).isTrue();
        assertThat(from.allText()).contains("\"someday\" is not a date");

        Interaction list = fake.slash(Who.PLAIN, fake.generalId, "subscriptions").awaitMessages(1);
        assertThat(list.allText()).containsIgnoringCase("no subscriptions");
    }

    // ---------------------------------------------------------------- helpers

    private static void assertClean(Interaction interaction) {
        assertThat(interaction.errors).as("what the fake Discord rejected").isEmpty();
    }

    /** Waits until the channel holds the wanted number of distinct paper embeds, then returns its messages. */
    private List<ObjectNode> awaitTitles(String channelId, int wanted) {
        FakeDiscord.await(() -> titles(fake.messagesIn(channelId)).size() >= wanted, Duration.ofSeconds(20),
                wanted + " papers in channel " + channelId);
        return fake.messagesIn(channelId);
    }

    /** How often each embed title occurs across the messages. */
    private static Map<String, Integer> titles(List<ObjectNode> messages) {
        Map<String, Integer> counts = new TreeMap<>();
        for (ObjectNode message : messages) {
            for (JsonNode embed : message.path("embeds")) {
                counts.merge(embed.path("title").asText(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
