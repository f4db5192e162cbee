package dev.paperboy.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperboy.ContentFiles;
import dev.paperboy.PaperboyApp;
import dev.paperboy.config.ConfigLoader;
import dev.paperboy.config.PaperboyConfig;
import dev.paperboy.discord.FakeDiscord.Interaction;
import dev.paperboy.discord.FakeDiscord.Who;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A channel subscribed for 08:00 Berlin time receives its digest when the clock gets there, with no command. */
@Timeout(90)
class DiscordScheduledDeliveryTest {

    @TempDir
    Path dir;

    private FakeDiscord fake;
    private PaperboyApp app;
    private DiscordAdapter adapter;

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
    void theDigestArrivesOnScheduleInTheSubscribedChannel() throws Exception {
        // A few seconds before 08:00 in Berlin (07:00 UTC) on the day after the fixture's digest.
        Clock clock = Clock.offset(Clock.systemUTC(),
                Duration.between(Instant.now(), Instant.parse("2022-11-16T06:59:54Z")));
        Path content = ContentFiles.standard(dir.resolve("content"));
        PaperboyConfig config = new ConfigLoader().parse("test.yml", "delivery:\n  check-every-seconds: 1\n")
                .withDirectories(content, dir.resolve("data"));
        fake = new FakeDiscord();
        app = new PaperboyApp(config, clock);
        assertThat(app.loadContent().applied()).isTrue();
        adapter = new DiscordAdapter(new PaperboyConfig.Discord(true, fake.apiUrl(), fake.gatewayUrl(), fake.guildId,
                List.of()), FakeDiscord.TOKEN, app.dispatcher(), app.library(), new DiscordRenderer(), clock);
        adapter.start();
        app.deliverVia(adapter.formatter(), adapter.sender());
        app.startDelivery();

        Interaction subscribed = fake.slash(Who.MANAGER, fake.generalId, "subscribe", "what", "Speech",
                "time", "08:00", "timezone", "Europe/Berlin").awaitMessages(1);
        assertThat(subscribed.errors).isEmpty();
        assertThat(subscribed.allText()).contains("Subscribed").contains("08:00");

        FakeDiscord.await(() -> titles(fake.messagesIn(fake.generalId)) >= 1, Duration.ofSeconds(30),
                "the Speech digest in #general at 08:00");
        List<ObjectNode> messages = fake.messagesIn(fake.generalId);
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).path("embeds").get(0).path("title").asText()).isEqualTo("Listening Transformers");
        assertThat(Instant.now(clock)).isAfterOrEqualTo(Instant.parse("2022-11-16T07:00:00Z"));
    }

    private static int titles(List<ObjectNode> messages) {
        int count = 0;
        for (ObjectNode message : messages) {
            for (JsonNode ignored : message.path("embeds")) {
                count++;
            }
        }
        return count;
    }
}
