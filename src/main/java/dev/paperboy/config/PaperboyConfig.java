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
 * @param arxiv        how Paperboy talks to arXiv
 * @param topics       topics filled from arXiv every day; none means no network requests to arXiv
 * @param delivery     how subscriptions are delivered
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
        @JsonProperty("telegram") Telegram telegram,
        @JsonProperty("arxiv") Arxiv arxiv,
        @JsonProperty("topics") List<Topic> topics,
        @JsonProperty("delivery") Delivery delivery) {

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
        arxiv = Objects.requireNonNullElse(arxiv, new Arxiv(null, null, null, null));
        topics = Topic.validated(topics);
        delivery = Objects.requireNonNullElse(delivery, new Delivery(null, null, null, null));
    }

    /** A configuration without arXiv settings or topics, as before they existed. */
    public PaperboyConfig(Path contentDir, Path dataDir, ZoneId timezone, LocalTime deliveryTime, boolean watchContent,
                          int pageSize, Console console, Discord discord, Telegram telegram) {
        this(contentDir, dataDir, timezone, deliveryTime, watchContent, pageSize, console, discord, telegram, null,
                null, null);
    }

    /** The configuration when there is no file at all. */
    public static PaperboyConfig defaults() {
        return new PaperboyConfig(null, null, null, null, false, 0, null, null, null, null, null, null);
    }

    /** The same configuration with the directories that the command line overrides. */
    public PaperboyConfig withDirectories(Path content, Path data) {
        return new PaperboyConfig(content == null ? contentDir : content, data == null ? dataDir : data, timezone,
                deliveryTime, watchContent, pageSize, console, discord, telegram, arxiv, topics, delivery);
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

    /**
     * How Paperboy talks to arXiv.
     *
     * @param contact   an e-mail address or URL put in the User-Agent, so arXiv can reach whoever runs this bot
     * @param fetchTime the local time in US Eastern (arXiv's timezone) of the daily fetch, Sunday to Thursday
     * @param apiUrl    the export API query endpoint; a local server in tests
     * @param rssUrl    the base of the listing feeds, to which {@code cs.CV+cs.LG} is appended
     */
    public record Arxiv(@JsonProperty("contact") String contact, @JsonProperty("fetch-time") LocalTime fetchTime,
                        @JsonProperty("api-url") String apiUrl, @JsonProperty("rss-url") String rssUrl) {
        public Arxiv {
            if (contact != null && contact.isBlank()) {
                throw new IllegalArgumentException("arxiv.contact must be an e-mail address or URL, or left out");
            }
            contact = contact == null ? null : contact.strip();
            // 20:00 is when arXiv announces; half an hour later the API serves the new papers.
            fetchTime = Objects.requireNonNullElse(fetchTime, LocalTime.of(20, 30));
            apiUrl = Objects.requireNonNullElse(apiUrl, "https://export.arxiv.org/api/query");
            rssUrl = Objects.requireNonNullElse(rssUrl, "https://rss.arxiv.org/rss/");
            Urls.check("arxiv.api-url", apiUrl, "https", "http");
            Urls.check("arxiv.rss-url", rssUrl, "https", "http");
        }
    }

    /**
     * A topic filled from arXiv. Papers come from the export API when {@code query} is set (restricted to
     * {@code categories} when both are set), else from the listing feeds of {@code categories}; then only
     * those mentioning an {@code include} keyword (when any are given) and no {@code exclude} keyword stay.
     *
     * @param name       the topic name digests carry
     * @param query      an arXiv API search query such as {@code all:"vision transformer"}, or null
     * @param categories arXiv categories such as {@code cs.CV}
     * @param include    keywords of which a paper's title or abstract must contain one, when any are given
     * @param exclude    keywords no paper's title or abstract may contain
     * @param maxResults at most this many papers are looked at per fetch
     */
    public record Topic(@JsonProperty("name") String name, @JsonProperty("query") String query,
                        @JsonProperty("categories") List<String> categories,
                        @JsonProperty("include") List<String> include, @JsonProperty("exclude") List<String> exclude,
                        @JsonProperty("max-results") Integer maxResults) {

        private static final java.util.regex.Pattern CATEGORY =
                java.util.regex.Pattern.compile("[a-z][a-z-]*(\\.[A-Za-z][A-Za-z-]*)?");

        public Topic {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name is missing: every topic needs a name");
            }
            name = name.strip();
            query = query == null || query.isBlank() ? null : query.strip();
            categories = words("categories", categories);
            for (String category : categories) {
                if (!CATEGORY.matcher(category).matches()) {
                    throw new IllegalArgumentException("categories must be arXiv categories such as cs.CV or math,"
                            + " got \"" + category + "\" in topic \"" + name + "\"");
                }
            }
            include = words("include", include);
            exclude = words("exclude", exclude);
            if (query == null && categories.isEmpty()) {
                throw new IllegalArgumentException("topic \"" + name + "\" needs a query or categories (or both)");
            }
            maxResults = Objects.requireNonNullElse(maxResults, 100);
            if (maxResults < 1 || maxResults > 2000) {
                throw new IllegalArgumentException("max-results must be between 1 and 2000, got " + maxResults
                        + " in topic \"" + name + "\"");
            }
        }

        /** The topic's name as a file name: lower-case letters and digits joined by hyphens. */
        public String slug() {
            String slug = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD)
                    .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
            return slug.isEmpty() ? "topic-" + Integer.toHexString(name.hashCode()) : slug;
        }

        private static List<String> words(String key, List<String> values) {
            List<String> list = new java.util.ArrayList<>();
            for (String value : Objects.requireNonNullElse(values, List.<String>of())) {
                if (value == null || value.isBlank()) {
                    throw new IllegalArgumentException(key + " must not contain empty entries");
                }
                list.add(value.strip());
            }
            return List.copyOf(list);
        }

        static List<Topic> validated(List<Topic> topics) {
            List<Topic> list = List.copyOf(Objects.requireNonNullElse(topics, List.<Topic>of()));
            java.util.Map<String, String> slugs = new java.util.HashMap<>();
            for (Topic topic : list) {
                if (topic == null) {
                    throw new IllegalArgumentException("topics must list topics with a name and a query or categories");
                }
                String other = slugs.putIfAbsent(topic.slug(), topic.name());
                if (other != null) {
                    throw new IllegalArgumentException("topics: \"" + topic.name() + "\" and \"" + other
                            + "\" are too alike to be stored apart; rename one");
                }
            }
            return list;
        }
    }

    /**
     * Delivery of subscriptions.
     *
     * @param windowDays         papers older than this many days are never sent (a new subscriber gets at most these)
     * @param sendEmptyNote      whether a day with nothing new sends a one-line "no new papers" note
     * @param checkEverySeconds  how often the planner looks for subscriptions that are due
     * @param senderThreads      how many messages may be in flight at once
     */
    public record Delivery(@JsonProperty("window-days") Integer windowDays,
                           @JsonProperty("send-empty-note") Boolean sendEmptyNote,
                           @JsonProperty("check-every-seconds") Integer checkEverySeconds,
                           @JsonProperty("sender-threads") Integer senderThreads) {
        public Delivery {
            windowDays = Objects.requireNonNullElse(windowDays, 7);
            sendEmptyNote = Objects.requireNonNullElse(sendEmptyNote, false);
            checkEverySeconds = Objects.requireNonNullElse(checkEverySeconds, 30);
            senderThreads = Objects.requireNonNullElse(senderThreads, 4);
            if (windowDays < 1 || windowDays > 365) {
                throw new IllegalArgumentException("delivery.window-days must be between 1 and 365, got " + windowDays);
            }
            if (checkEverySeconds < 1 || checkEverySeconds > 3600) {
                throw new IllegalArgumentException("delivery.check-every-seconds must be between 1 and 3600, got "
                        + checkEverySeconds);
            }
            if (senderThreads < 1 || senderThreads > 64) {
                throw new IllegalArgumentException("delivery.sender-threads must be between 1 and 64, got "
                        + senderThreads);
            }
        }
    }
}
