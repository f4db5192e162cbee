package dev.paperboy.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The fake rejects what Discord rejects, with Discord's error shapes; checked over plain HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FakeDiscordTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private FakeDiscord fake;

    @BeforeAll
    void start() throws Exception {
        fake = new FakeDiscord();
    }

    @AfterAll
    void stop() {
        fake.close();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(fake.apiUrl() + path))
                .header("Authorization", "Bot " + FakeDiscord.TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void messagesOverDiscordsLimitsAreRefusedAsInvalidFormBody() throws Exception {
        String channel = "channels/" + fake.generalId + "/messages";
        HttpResponse<String> longContent = post(channel, "{\"content\":\"" + "x".repeat(2001) + "\"}");
        assertThat(longContent.statusCode()).isEqualTo(400);
        assertThat(json(longContent).path("code").asInt()).isEqualTo(50035);
        assertThat(json(longContent).at("/errors/content/_errors/0/code").asText()).isEqualTo("BASE_TYPE_MAX_LENGTH");

        String embed = "{\"description\":\"d\"}";
        HttpResponse<String> eleven = post(channel, "{\"embeds\":[" + String.join(",", java.util.Collections.nCopies(11, embed)) + "]}");
        assertThat(json(eleven).at("/errors/embeds/_errors/0/message").asText()).contains("10 or fewer");

        String big = "{\"description\":\"" + "d".repeat(3001) + "\"}";
        HttpResponse<String> tooMuch = post(channel, "{\"embeds\":[" + big + "," + big + "]}");
        assertThat(json(tooMuch).at("/errors/embeds/_errors/0/code").asText()).isEqualTo("MAX_EMBED_SIZE_EXCEEDED");

        HttpResponse<String> title = post(channel, "{\"embeds\":[{\"title\":\"" + "t".repeat(257) + "\"}]}");
        assertThat(json(title).at("/errors/embeds/0/title/_errors/0/code").asText()).isEqualTo("BASE_TYPE_MAX_LENGTH");

        HttpResponse<String> empty = post(channel, "{\"content\":\"\"}");
        assertThat(json(empty).path("code").asInt()).isEqualTo(50006);

        int before = fake.messagesIn(fake.generalId).size();
        HttpResponse<String> ok = post(channel, "{\"content\":\"fine\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(fake.messagesIn(fake.generalId)).hasSize(before + 1);
    }

    @Test
    void postingWithoutAccessOrPermissionOrToNoChannelFailsLikeDiscord() throws Exception {
        assertThat(json(post("channels/" + fake.lockedId + "/messages", "{\"content\":\"x\"}")).path("code").asInt())
                .isEqualTo(50013);
        assertThat(json(post("channels/" + fake.hiddenId + "/messages", "{\"content\":\"x\"}")).path("code").asInt())
                .isEqualTo(50001);
        assertThat(json(post("channels/42/messages", "{\"content\":\"x\"}")).path("code").asInt()).isEqualTo(10003);
        HttpResponse<String> noToken = client.send(HttpRequest.newBuilder(URI.create(fake.apiUrl() + "users/@me"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(401);
    }

    @Test
    void rateLimitedRequestsCarryDiscordsHeadersAndBody() throws Exception {
        fake.rateLimitNext("POST", "/channels/", 1.5, false);
        HttpResponse<String> limited = post("channels/" + fake.generalId + "/messages", "{\"content\":\"x\"}");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("2");
        assertThat(limited.headers().firstValue("X-RateLimit-Remaining")).contains("0");
        assertThat(limited.headers().firstValue("X-RateLimit-Reset-After")).contains("1.500");
        assertThat(json(limited).path("retry_after").asDouble()).isEqualTo(1.5);
        assertThat(json(limited).path("global").asBoolean()).isFalse();

        fake.rateLimitNext("POST", "/channels/", 0.2, true);
        HttpResponse<String> global = post("channels/" + fake.generalId + "/messages", "{\"content\":\"x\"}");
        assertThat(global.headers().firstValue("X-RateLimit-Global")).contains("true");
        assertThat(json(global).path("global").asBoolean()).isTrue();
        assertThat(post("channels/" + fake.generalId + "/messages", "{\"content\":\"x\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void anInteractionAnsweredTwiceOrTooLateIsRefused() throws Exception {
        fake.commands.put("global", java.util.List.of(JSON.readTree("{\"id\":\"1\",\"name\":\"help\",\"options\":[]}")));
        FakeDiscord.Interaction twice = fake.slash(FakeDiscord.Who.PLAIN, fake.generalId, "help");
        String callback = "interactions/" + twice.id + "/" + twice.token + "/callback";
        assertThat(post(callback, "{\"type\":4,\"data\":{\"content\":\"hi\"}}").statusCode()).isEqualTo(200);
        HttpResponse<String> again = post(callback, "{\"type\":4,\"data\":{\"content\":\"hi\"}}");
        assertThat(json(again).path("code").asInt()).isEqualTo(40060);

        fake.answerWindow(Duration.ofMillis(50));
        FakeDiscord.Interaction late = fake.slash(FakeDiscord.Who.PLAIN, fake.generalId, "help");
        Thread.sleep(100);
        HttpResponse<String> tooLate = post("interactions/" + late.id + "/" + late.token + "/callback",
                "{\"type\":4,\"data\":{\"content\":\"hi\"}}");
        assertThat(tooLate.statusCode()).isEqualTo(404);
        assertThat(json(tooLate).path("code").asInt()).isEqualTo(10062);

        FakeDiscord.Interaction early = fake.slash(FakeDiscord.Who.PLAIN, fake.generalId, "help");
        HttpResponse<String> followUp = post("webhooks/" + fake.applicationId + "/" + early.token, "{\"content\":\"x\"}");
        assertThat(json(followUp).path("code").asInt()).isEqualTo(10015);
        fake.answerWindow(Duration.ofSeconds(3));
    }
}
