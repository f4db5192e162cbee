package dev.paperboy.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@code config/paperboy.yml} sets. Tokens are deliberately absent: they come from the
 * environment only ({@code DISCORD_TOKEN}, {@code TELEGRAM_TOKEN}).
 *
 * @param contentDir   the directory of content files
 * @param dataDir      where Paperboy keeps its database and search index
 * @param timezone     the default timezone of subscriptions
 * @param deliveryTime the default local time of daily delivery
 * @param watchContent whether to reload by itself when a content file changes
 * @param pageSize     search results per page
 */
public record PaperboyConfig(
        @JsonProperty("content-dir") Path contentDir,
        @JsonProperty("data-dir") Path dataDir,
        @JsonProperty("timezone") ZoneId timezone,
        @JsonProperty("delivery-time") LocalTime deliveryTime,
        @JsonProperty("watch-content") boolean watchContent,
        @JsonProperty("page-size") int pageSize,
        @JsonProperty("console") Console console,
        @JsonProperty("discord") Discord discord,
        @JsonProperty("telegram") Telegram telegram) {

    public PaperboyConfig {
        contentDir = Objects.requireNonNullElse(contentDir, Path.of("config", "content"));
        dataDir = Objects.requireNonNullElse(dataDir, Path.of("data"));
        timezone = Objects.requireNonNullElse(timezone, ZoneId.of("UTC"));
        deliveryTime = Objects.requireNonNullElse(deliveryTime, LocalTime.of(8, 0));
        if (pageSize == 0) {
            pageSize = 5;
        }
        if (pageSize < 1 || pageSize > 10) {
            throw new IllegalArgumentException("page-size must be between 1 and 10, got " + pageSize);
        }
        console = Objects.requireNonNullElse(console, new Console(Switch.AUTO));
        discord = Objects.requireNonNullElse(discord, new Discord(true, null, null, null, List.of()));
        telegram = Objects.requireNonNullElse(telegram, new Telegram(true, null, List.of()));
    }

    /** The configuration when there is no file at all. */
    public static PaperboyConfig defaults() {
        return new PaperboyConfig(null, null, null, null, false, 0, null, null, null);
    }

    /** The same configuration with the directories that the command line overrides. */
    public PaperboyConfig withDirectories(Path content, Path data) {
        return new PaperboyConfig(content == null ? contentDir : content, data == null ? dataDir : data, timezone,
                deliveryTime, watchContent, pageSize, console, discord, telegram);
    }

    /** When the console adapter runs: always, never, or only when no chat platform has a token. */
    public enum Switch {
        AUTO, ON, OFF;

        /** Accepts auto, on/off and true/false, since YAML reads a bare {@code off} as false. */
        @JsonCreator
        static Switch of(Object value) {
            String text = String.valueOf(value).strip().toLowerCase(java.util.Locale.ROOT);
            return switch (text) {
                case "auto" -> AUTO;
                case "on", "true", "yes" -> ON;
                case "off", "false", "no" -> OFF;
                default -> throw new IllegalArgumentException("must be auto, on or off, got \"" + value + "\"");
            };
        }
    }

    /** The console adapter. */
    public record Console(@JsonProperty("enabled") Switch enabled) {
        public Console {
            enabled = Objects.requireNonNullElse(enabled, Switch.AUTO);
        }
    }

    /**
     * The Discord adapter: runs when enabled and {@code DISCORD_TOKEN} is set.
     *
     * @param apiUrl     the REST base URL, for a test server; null means Discord's own
     * @param gatewayUrl the gateway URL, for a test server; null means Discord's own
     * @param devGuild   a server id whose commands are registered instantly while developing
     * @param admins     user ids that are admins everywhere
     */
    public record Discord(@JsonProperty("enabled") Boolean enabled, @JsonProperty("api-url") String apiUrl,
                          @JsonProperty("gateway-url") String gatewayUrl, @JsonProperty("dev-guild") String devGuild,
                          @JsonProperty("admins") List<String> admins) {
        public Discord {
            enabled = Objects.requireNonNullElse(enabled, true);
            admins = Ids.validated("discord.admins", admins);
            Urls.check("discord.api-url", apiUrl, "http", "https");
            Urls.check("discord.gateway-url", gatewayUrl, "ws", "wss");
        }
    }

    /**
     * The Telegram adapter: runs when enabled and {@code TELEGRAM_TOKEN} is set.
     *
     * @param apiUrl the Bot API server, for a local Bot API server or a test; null means Telegram's own
     * @param admins user ids that are admins everywhere
     */
    public record Telegram(@JsonProperty("enabled") Boolean enabled, @JsonProperty("api-url") String apiUrl,
                           @JsonProperty("admins") List<String> admins) {
        public Telegram {
            enabled = Objects.requireNonNullElse(enabled, true);
            admins = Ids.validated("telegram.admins", admins);
            Urls.check("telegram.api-url", apiUrl, "http", "https");
        }
    }
}
