package dev.paperboy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void readsEveryKey() {
        PaperboyConfig config = loader.parse("paperboy.yml", """
                content-dir: my/content
                data-dir: /var/lib/paperboy
                timezone: Europe/Berlin
                delivery-time: "07:30"
                watch-content: true
                page-size: 3
                console:
                  enabled: off
                discord:
                  enabled: false
                  api-url: http://127.0.0.1:9000/api/v10/
                  gateway-url: ws://127.0.0.1:9000/
                  dev-guild: "123"
                  admins: ["111", "222"]
                telegram:
                  api-url: http://127.0.0.1:9001
                  admins: ["333"]
                """);
        assertThat(config.contentDir()).isEqualTo(Path.of("my/content"));
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/paperboy"));
        assertThat(config.timezone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(config.deliveryTime()).isEqualTo(LocalTime.of(7, 30));
        assertThat(config.watchContent()).isTrue();
        assertThat(config.pageSize()).isEqualTo(3);
        assertThat(config.console().enabled()).isEqualTo(PaperboyConfig.Switch.OFF);
        assertThat(config.discord().enabled()).isFalse();
        assertThat(config.discord().admins()).containsExactly("111", "222");
        assertThat(config.telegram().enabled()).isTrue();
        assertThat(config.telegram().admins()).containsExactly("333");
    }

    @Test
    void emptyFileMeansDefaults() {
        PaperboyConfig config = loader.parse("paperboy.yml", "# nothing\n");
        assertThat(config).isEqualTo(PaperboyConfig.defaults());
        assertThat(config.contentDir()).isEqualTo(Path.of("config", "content"));
        assertThat(config.timezone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(config.pageSize()).isEqualTo(5);
    }

    @Test
    void theCommittedConfigIsValid() {
        PaperboyConfig config = loader.load(Path.of("config", "paperboy.yml"), true);
        assertThat(config.contentDir()).isEqualTo(Path.of("config", "content"));
    }

    @Test
    void unknownKeyIsNamedWithItsLine() {
        assertThatThrownBy(() -> loader.parse("paperboy.yml", "timezone: UTC\ncontnet-dir: x\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("paperboy.yml:2: unknown key \"contnet-dir\"")
                .hasMessageContaining("content-dir");
    }

    @Test
    void badTimezoneNamesTheKey() {
        assertThatThrownBy(() -> loader.parse("paperboy.yml", "timezone: Mars/Olympus\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("paperboy.yml:1: bad value for \"timezone\"")
                .hasMessageContaining("Mars/Olympus");
    }

    @Test
    void badTimeNamesTheKey() {
        assertThatThrownBy(() -> loader.parse("paperboy.yml", "delivery-time: \"25:00\"\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("\"delivery-time\"");
    }

    @Test
    void badAdminIdNamesTheKey() {
        assertThatThrownBy(() -> loader.parse("paperboy.yml", "telegram:\n  admins: [alice]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("telegram.admins must list numeric user ids, got \"alice\"");
    }

    @Test
    void badUrlNamesTheKey() {
        assertThatThrownBy(() -> loader.parse("paperboy.yml", "discord:\n  gateway-url: http://x/\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("discord.gateway-url must be a ws or wss URL");
    }

    @Test
    void readsTheDeliveryKeysWithTheirDefaults() {
        PaperboyConfig config = loader.parse("paperboy.yml", """
                delivery:
                  window-days: 3
                  send-empty-note: true
                  check-every-seconds: 10
                  sender-threads: 8
                """);
        assertThat(config.delivery()).isEqualTo(new PaperboyConfig.Delivery(3, true, 10, 8));
        assertThat(PaperboyConfig.defaults().delivery()).isEqualTo(new PaperboyConfig.Delivery(7, false, 30, 4));
    }

    @Test
    void deliveryWindowOutOfRangeNamesTheKey() {
        assertThatThrownBy(() -> loader.parse("paperboy.yml", "delivery:\n  window-days: 0\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("delivery.window-days must be between 1 and 365, got 0");
    }

    @Test
    void pageSizeOutOfRange() {
        assertThatThrownBy(() -> loader.parse("paperboy.yml", "page-size: 50\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("page-size must be between 1 and 10, got 50");
    }

    @Test
    void malformedYaml() {
        assertThatThrownBy(() -> loader.parse("paperboy.yml", "timezone: [UTC\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("paperboy.yml:");
    }

    @Test
    void missingFileIsDefaultsUnlessNamed(@TempDir Path dir) {
        assertThat(loader.load(dir.resolve("none.yml"), false)).isEqualTo(PaperboyConfig.defaults());
        assertThatThrownBy(() -> loader.load(dir.resolve("none.yml"), true))
                .hasMessageContaining("no such configuration file");
    }

    @Test
    void overridesDirectories(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.yml");
        Files.writeString(file, "content-dir: a\n");
        PaperboyConfig config = loader.load(file, true).withDirectories(Path.of("b"), Path.of("d"));
        assertThat(config.contentDir()).isEqualTo(Path.of("b"));
        assertThat(config.dataDir()).isEqualTo(Path.of("d"));
    }

    @Test
    void readsArxivSettingsAndTopics() {
        PaperboyConfig config = loader.parse("paperboy.yml", """
                arxiv:
                  contact: admin@example.org
                  fetch-time: "21:15"
                  api-url: http://127.0.0.1:9002/api/query
                  rss-url: http://127.0.0.1:9002/rss/
                topics:
                  - name: Vision Transformer
                    query: 'all:"vision transformer"'
                    categories: [cs.CV]
                    exclude: [survey]
                    max-results: 50
                  - name: Robots Daily
                    categories: [cs.RO, cs.AI]
                    include: [grasping]
                """);
        assertThat(config.arxiv().contact()).isEqualTo("admin@example.org");
        assertThat(config.arxiv().fetchTime()).isEqualTo(LocalTime.of(21, 15));
        assertThat(config.arxiv().apiUrl()).isEqualTo("http://127.0.0.1:9002/api/query");
        assertThat(config.topics()).hasSize(2);
        PaperboyConfig.Topic vision = config.topics().get(0);
        assertThat(vision.query()).isEqualTo("all:\"vision transformer\"");
        assertThat(vision.categories()).containsExactly("cs.CV");
        assertThat(vision.exclude()).containsExactly("survey");
        assertThat(vision.maxResults()).isEqualTo(50);
        assertThat(vision.slug()).isEqualTo("vision-transformer");
        assertThat(config.topics().get(1).query()).isNull();
        assertThat(config.topics().get(1).maxResults()).isEqualTo(100);
    }

    @Test
    void noTopicsByDefaultSoAFreshInstallMakesNoRequests() {
        assertThat(PaperboyConfig.defaults().topics()).isEmpty();
        assertThat(loader.load(Path.of("config", "paperboy.yml"), true).topics()).isEmpty();
        assertThat(PaperboyConfig.defaults().arxiv().apiUrl()).isEqualTo("https://export.arxiv.org/api/query");
        assertThat(PaperboyConfig.defaults().arxiv().fetchTime()).isEqualTo(LocalTime.of(20, 30));
    }

    @Test
    void badTopicsNameTheKey() {
        assertThatThrownBy(() -> loader.parse("paperboy.yml", "topics:\n  - name: X\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bad value for \"topics[0]\"")
                .hasMessageContaining("topic \"X\" needs a query or categories");
        assertThatThrownBy(() -> loader.parse("paperboy.yml", "topics:\n  - query: all:x\n"))
                .hasMessageContaining("name is missing");
        assertThatThrownBy(() -> loader.parse("paperboy.yml", "topics:\n  - name: X\n    categories: [\"cs CV\"]\n"))
                .hasMessageContaining("categories must be arXiv categories such as cs.CV");
        assertThatThrownBy(() -> loader.parse("paperboy.yml", "topics:\n  - name: X\n    query: q\n    max-results: 0\n"))
                .hasMessageContaining("max-results must be between 1 and 2000, got 0");
        assertThatThrownBy(() -> loader.parse("paperboy.yml",
                "topics:\n  - name: Vision!\n    query: a\n  - name: vision\n    query: b\n"))
                .hasMessageContaining("are too alike to be stored apart");
        assertThatThrownBy(() -> loader.parse("paperboy.yml", "topics:\n  - name: X\n    query: q\n    categroies: [cs.CV]\n"))
                .hasMessageContaining("unknown key \"topics[0].categroies\"");
        assertThatThrownBy(() -> loader.parse("paperboy.yml", "arxiv:\n  api-url: ftp://x/\n"))
                .hasMessageContaining("arxiv.api-url must be a https or http URL");
    }
}
