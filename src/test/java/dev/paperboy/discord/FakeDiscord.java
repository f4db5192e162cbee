package dev.paperboy.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small, strict Discord on 127.0.0.1 for end-to-end tests with the real JDA: the REST routes JDA calls
 * and a JSON gateway (HELLO, IDENTIFY, READY, GUILD_CREATE, heartbeats, INTERACTION_CREATE, RESUME). It
 * records what the bot sends and rejects what Discord would reject, with Discord's error shapes: message
 * and embed limits, interactions answered twice or after 3 seconds, follow-ups before the answer, posts
 * to channels where the bot lacks access or permission, and queued 429s with real rate-limit headers.
 * Set {@code -Dfake.discord.trace=true} to log the gateway and REST traffic.
 */
final class FakeDiscord implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FakeDiscord.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final boolean TRACE = Boolean.getBoolean("fake.discord.trace");

    static final String TOKEN = "fake.bot-token.for-tests-only";

    // Permission bits, as Discord numbers them.
    static final long MANAGE_CHANNELS = 1L << 4;
    static final long MANAGE_GUILD = 1L << 5;
    static final long VIEW_CHANNEL = 1L << 10;
    static final long SEND_MESSAGES = 1L << 11;
    static final long EMBED_LINKS = 1L << 14;
    static final long READ_HISTORY = 1L << 16;
    static final long USE_COMMANDS = 1L << 31;
    static final long SEND_IN_THREADS = 1L << 38;
    static final long EVERYONE_PERMISSIONS = VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | READ_HISTORY | USE_COMMANDS
            | SEND_IN_THREADS;

    private final AtomicLong snowflakes = new AtomicLong(1_100_000_000_000_000_000L);
    final String applicationId = nextId();
    final String botId = applicationId;
    final String guildId = nextId();
    final String botRoleId = nextId();
    final String modRoleId = nextId();
    final String managerRoleId = nextId();
    final String ownerId = nextId();
    final String adminUserId = nextId();
    final String managerUserId = nextId();
    final String plainUserId = nextId();
    final String generalId = nextId();
    final String lockedId = nextId();
    final String hiddenId = nextId();
    final String noEmbedId = nextId();
    final String threadId = nextId();

    private final HttpServer http;
    private final Gateway gateway;
    final List<Request> requests = new CopyOnWriteArrayList<>();
    final Map<String, List<JsonNode>> commands = new ConcurrentHashMap<>();
    final Map<String, List<ObjectNode>> channelMessages = new ConcurrentHashMap<>();
    private final Map<String, Interaction> interactionsByToken = new ConcurrentHashMap<>();
    private final Deque<RateLimit> rateLimits = new ArrayDeque<>();
    private final Map<String, ObjectNode> channels = new LinkedHashMap<>();
    private volatile Duration answerWindow = Duration.ofSeconds(3);

    /** One REST request as received, with what was answered. */
    record Request(Instant at, String method, String path, JsonNode body, int status) {
    }

    private record RateLimit(String method, String pathPrefix, double retryAfter, boolean global) {
    }

    FakeDiscord() throws IOException {
        channels.put(generalId, textChannel(generalId, "general", NODES.arrayNode()));
        channels.put(lockedId, textChannel(lockedId, "announcements", overwrite(guildId, 0, SEND_MESSAGES)));
        channels.put(hiddenId, textChannel(hiddenId, "staff", overwrite(guildId, 0, VIEW_CHANNEL)));
        channels.put(noEmbedId, textChannel(noEmbedId, "plain-text", overwrite(guildId, 0, EMBED_LINKS)));
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/api/v10/", this::handle);
        http.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "fake-discord-rest");
            t.setDaemon(true);
            return t;
        }));
        http.start();
        gateway = new Gateway(new InetSocketAddress("127.0.0.1", 0));
        gateway.setReuseAddr(true);
        gateway.start();
        try {
            if (!gateway.started.await(5, TimeUnit.SECONDS)) {
                throw new IOException("the fake gateway did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    String apiUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/api/v10/";
    }

    String gatewayUrl() {
        return "ws://127.0.0.1:" + gateway.getPort() + "/";
    }

    @Override
    public void close() {
        http.stop(0);
        ((java.util.concurrent.ExecutorService) http.getExecutor()).shutdownNow();
        try {
            gateway.stop(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String nextId() {
        // Snowflakes carry their creation time; JDA reads it for interaction expiry.
        long millis = System.currentTimeMillis() - 1_420_070_400_000L;
        return Long.toUnsignedString((millis << 22) | (snowflakes.incrementAndGet() & 0x3FFFFF));
    }

    // ------------------------------------------------------------------ test controls

    /** The next request matching method and path prefix (after /api/v10) gets a 429. */
    synchronized void rateLimitNext(String method, String pathPrefix, double retryAfterSeconds, boolean global) {
        rateLimits.add(new RateLimit(method, pathPrefix, retryAfterSeconds, global));
    }

    void answerWindow(Duration window) {
        answerWindow = window;
    }

    List<Request> requests(String method, String pathPattern) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().matches(pathPattern)).toList();
    }

    List<ObjectNode> messagesIn(String channelId) {
        return List.copyOf(channelMessages.getOrDefault(channelId, List.of()));
    }

    int identifies() {
        return gateway.identifies;
    }

    int resumes() {
        return gateway.resumes;
    }

    /** Closes the gateway connection the way a network failure would; JDA should resume. */
    void dropGateway() {
        gateway.drop();
    }

    static void await(BooleanSupplier condition, Duration timeout, String what) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    // ------------------------------------------------------------------ interactions

    /** A user of the fake guild, by the roles they hold. */
    enum Who { OWNER, ADMIN, MANAGER, PLAIN }

    /** One interaction the fake sent, and everything the bot answered to it. */
    final class Interaction {
        final String id = nextId();
        final String token = "itoken-" + nextId();
        final long createdNanos = System.nanoTime();
        final String channelId;
        volatile Integer callbackType;
        final List<ObjectNode> messages = new CopyOnWriteArrayList<>();
        final List<String> errors = new CopyOnWriteArrayList<>();
        volatile JsonNode choices;
        volatile boolean originalDeleted;
        volatile ObjectNode sourceMessage;
        volatile boolean deferredEphemeral;

        Interaction(String channelId) {
            this.channelId = channelId;
        }

        Interaction awaitMessages(int count) {
            await(() -> messages.size() >= count, Duration.ofSeconds(10),
                    count + " message(s) answering interaction " + id + ", got " + messages + " errors " + errors);
            return this;
        }

        Interaction awaitCallback() {
            await(() -> callbackType != null, Duration.ofSeconds(10), "a callback for interaction " + id);
            return this;
        }

        ObjectNode message(int index) {
            return messages.get(index);
        }

        boolean ephemeral(int index) {
            return (messages.get(index).path("flags").asInt() & 64) != 0;
        }

        String allText() {
            StringBuilder out = new StringBuilder();
            for (ObjectNode m : messages) {
                out.append(m.path("content").asText()).append('\n');
                for (JsonNode e : m.path("embeds")) {
                    out.append(e.path("title").asText()).append('\n').append(e.path("description").asText())
                            .append('\n');
                    for (JsonNode f : e.path("fields")) {
                        out.append(f.path("name").asText()).append(": ").append(f.path("value").asText()).append('\n');
                    }
                    out.append(e.path("footer").path("text").asText()).append('\n');
                }
            }
            return out.toString();
        }
    }

    /** Sends a slash command as {@code who} in a channel; options are name/value pairs (strings or longs). */
    Interaction slash(Who who, String channelId, String name, Object... options) {
        JsonNode command = registeredCommand(name);
        ObjectNode data = NODES.objectNode().put("id", command.path("id").asText()).put("name", name).put("type", 1);
        ArrayNode opts = data.putArray("options");
        for (int i = 0; i < options.length; i += 2) {
            String optionName = (String) options[i];
            JsonNode declared = declaredOption(command, optionName);
            int type = declared.path("type").asInt();
            ObjectNode option = opts.addObject().put("name", optionName).put("type", type);
            if (type == 4) {
                option.put("value", ((Number) options[i + 1]).longValue());
            } else if (type == 7) {
                String id = (String) options[i + 1];
                option.put("value", id);
                ObjectNode channel = (ObjectNode) channelJson(id);
                channel.put("permissions", Long.toUnsignedString(EVERYONE_PERMISSIONS));
                data.with("resolved").with("channels").set(id, channel);
            } else {
                option.put("value", String.valueOf(options[i + 1]));
            }
        }
        return interact(who, channelId, 2, data, null);
    }

    /** Sends an autocomplete request with the focused option and what was typed so far. */
    Interaction autocomplete(Who who, String name, String option, String typed) {
        JsonNode command = registeredCommand(name);
        ObjectNode data = NODES.objectNode().put("id", command.path("id").asText()).put("name", name).put("type", 1);
        data.putArray("options").addObject().put("name", option).put("type", declaredOption(command, option)
                .path("type").asInt()).put("value", typed).put("focused", true);
        return interact(who, generalId, 4, data, null);
    }

    /** Clicks a button of a message the bot posted. */
    Interaction click(Who who, ObjectNode message, String customId) {
        boolean found = false;
        for (JsonNode row : message.path("components")) {
            for (JsonNode component : row.path("components")) {
                if (customId.equals(component.path("custom_id").asText())) {
                    if (component.path("disabled").asBoolean()) {
                        throw new AssertionError("button " + customId + " is disabled");
                    }
                    found = true;
                }
            }
        }
        if (!found) {
            throw new AssertionError("no button " + customId + " on " + message);
        }
        ObjectNode data = NODES.objectNode().put("custom_id", customId).put("component_type", 2);
        return interact(who, message.path("channel_id").asText(), 3, data, message);
    }

    private Interaction interact(Who who, String channelId, int type, ObjectNode data, ObjectNode message) {
        Interaction interaction = new Interaction(channelId);
        interaction.sourceMessage = message;
        interactionsByToken.put(interaction.token, interaction);
        ObjectNode d = NODES.objectNode();
        d.put("id", interaction.id).put("application_id", applicationId).put("type", type)
                .put("token", interaction.token).put("version", 1).put("guild_id", guildId)
                .put("channel_id", channelId).put("locale", "en-US").put("guild_locale", "en-US")
                .put("app_permissions", Long.toUnsignedString(EVERYONE_PERMISSIONS)).put("context", 0)
                .put("attachment_size_limit", 10_485_760);
        d.set("channel", channelJson(channelId));
        d.putObject("guild").put("id", guildId).put("locale", "en-US").putArray("features");
        ObjectNode member = member(userId(who), roles(who));
        member.put("permissions", Long.toUnsignedString(permissions(who)));
        d.set("member", member);
        d.set("data", data);
        d.putArray("entitlements");
        d.putObject("authorizing_integration_owners").put("0", guildId);
        if (message != null) {
            d.set("message", message);
        }
        gateway.dispatch("INTERACTION_CREATE", d);
        return interaction;
    }

    private JsonNode registeredCommand(String name) {
        return commands.getOrDefault("global", List.of()).stream().filter(c -> c.path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("/" + name + " is not registered"));
    }

    private static JsonNode declaredOption(JsonNode command, String option) {
        for (JsonNode o : command.path("options")) {
            if (o.path("name").asText().equals(option)) {
                return o;
            }
        }
        throw new AssertionError("/" + command.path("name").asText() + " has no option " + option);
    }

    String userId(Who who) {
        return switch (who) {
            case OWNER -> ownerId;
            case ADMIN -> adminUserId;
            case MANAGER -> managerUserId;
            case PLAIN -> plainUserId;
        };
    }

    private List<String> roles(Who who) {
        return switch (who) {
            case ADMIN -> List.of(modRoleId);
            case MANAGER -> List.of(managerRoleId);
            default -> List.of();
        };
    }

    private long permissions(Who who) {
        return switch (who) {
            case OWNER -> -1L >>> 1;
            case ADMIN -> EVERYONE_PERMISSIONS | MANAGE_GUILD;
            case MANAGER -> EVERYONE_PERMISSIONS | MANAGE_CHANNELS;
            case PLAIN -> EVERYONE_PERMISSIONS;
        };
    }

    // ------------------------------------------------------------------ entities

    private ObjectNode user(String id, String name, boolean bot) {
        ObjectNode user = NODES.objectNode().put("id", id).put("username", name).put("discriminator", "0000")
                .put("global_name", name).putNull("avatar").put("bot", bot).put("public_flags", 0).put("flags", 0);
        user.putNull("banner").putNull("accent_color").putNull("avatar_decoration_data").putNull("primary_guild");
        return user;
    }

    private ObjectNode member(String userId, List<String> roles) {
        String name = userId.equals(botId) ? "Paperboy" : "user" + userId.substring(userId.length() - 4);
        ObjectNode member = NODES.objectNode();
        member.set("user", user(userId, name, userId.equals(botId)));
        ArrayNode roleArray = member.putArray("roles");
        roles.forEach(roleArray::add);
        member.putNull("nick").putNull("avatar").putNull("banner").put("joined_at", "2024-01-01T00:00:00.000000+00:00")
                .putNull("premium_since").put("deaf", false).put("mute", false).put("flags", 0).put("pending", false)
                .putNull("communication_disabled_until");
        return member;
    }

    private ObjectNode role(String id, String name, int position, long permissions) {
        ObjectNode role = NODES.objectNode().put("id", id).put("name", name).put("color", 0).put("hoist", false)
                .putNull("icon").putNull("unicode_emoji").put("position", position)
                .put("permissions", Long.toUnsignedString(permissions)).put("managed", false)
                .put("mentionable", false).put("flags", 0);
        role.putObject("colors").put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color");
        role.putObject("tags");
        return role;
    }

    private ObjectNode textChannel(String id, String name, ArrayNode overwrites) {
        ObjectNode channel = NODES.objectNode().put("id", id).put("type", 0).put("guild_id", guildId)
                .put("name", name).put("position", channels.size()).putNull("topic").put("nsfw", false)
                .putNull("last_message_id").put("rate_limit_per_user", 0).putNull("parent_id").put("flags", 0)
                .put("default_thread_rate_limit_per_user", 0).put("default_auto_archive_duration", 1440);
        channel.set("permission_overwrites", overwrites);
        return channel;
    }

    private ObjectNode threadChannel() {
        ObjectNode thread = NODES.objectNode().put("id", threadId).put("type", 11).put("guild_id", guildId)
                .put("parent_id", generalId).put("owner_id", ownerId).put("name", "paper-talk")
                .putNull("last_message_id").put("message_count", 0).put("member_count", 1)
                .put("rate_limit_per_user", 0).put("flags", 0).put("total_message_sent", 0);
        thread.putObject("thread_metadata").put("archived", false).put("auto_archive_duration", 1440)
                .put("archive_timestamp", "2024-01-01T00:00:00.000000+00:00").put("locked", false)
                .put("create_timestamp", "2024-01-01T00:00:00.000000+00:00");
        thread.putArray("applied_tags");
        return thread;
    }

    private JsonNode channelJson(String id) {
        if (id.equals(threadId)) {
            return threadChannel();
        }
        return channels.get(id).deepCopy();
    }

    private static ArrayNode overwrite(String roleId, long allow, long deny) {
        ArrayNode array = NODES.arrayNode();
        array.addObject().put("id", roleId).put("type", 0).put("allow", Long.toUnsignedString(allow))
                .put("deny", Long.toUnsignedString(deny));
        return array;
    }

    private ObjectNode ready() {
        ObjectNode d = NODES.objectNode().put("v", 10)
                .put("resume_gateway_url", gatewayUrl()).put("session_type", "normal");
        ObjectNode self = user(botId, "Paperboy", true).put("verified", true).put("mfa_enabled", false);
        d.set("user", self);
        d.putArray("guilds").addObject().put("id", guildId).put("unavailable", true);
        d.putObject("application").put("id", applicationId).put("flags", 0);
        d.putArray("private_channels");
        d.putArray("relationships");
        d.putArray("presences");
        d.putArray("guild_join_requests");
        d.putObject("user_settings");
        d.putArray("_trace").add("fake-discord");
        return d;
    }

    private ObjectNode guildCreate() {
        ObjectNode g = NODES.objectNode().put("id", guildId).put("name", "Paper Lab").putNull("icon").putNull("splash")
                .putNull("discovery_splash").put("owner_id", ownerId).putNull("afk_channel_id").put("afk_timeout", 300)
                .put("verification_level", 0).put("default_message_notifications", 0).put("explicit_content_filter", 0)
                .put("mfa_level", 0).putNull("system_channel_id").put("system_channel_flags", 0)
                .putNull("rules_channel_id").put("max_members", 500_000).putNull("vanity_url_code")
                .putNull("description").putNull("banner").put("premium_tier", 0).put("premium_subscription_count", 0)
                .put("preferred_locale", "en-US").putNull("public_updates_channel_id").put("nsfw_level", 0)
                .put("premium_progress_bar_enabled", false).putNull("safety_alerts_channel_id")
                .put("joined_at", "2024-01-01T00:00:00.000000+00:00").put("large", false).put("unavailable", false)
                .put("member_count", 5).putNull("application_id").put("max_video_channel_users", 25);
        g.putArray("features");
        ArrayNode roles = g.putArray("roles");
        roles.add(role(guildId, "@everyone", 0, EVERYONE_PERMISSIONS));
        roles.add(role(botRoleId, "Paperboy", 1, EVERYONE_PERMISSIONS));
        roles.add(role(modRoleId, "Moderators", 2, EVERYONE_PERMISSIONS | MANAGE_GUILD));
        roles.add(role(managerRoleId, "Channel managers", 3, EVERYONE_PERMISSIONS | MANAGE_CHANNELS));
        ArrayNode channelArray = g.putArray("channels");
        channels.values().forEach(c -> channelArray.add(c.deepCopy()));
        g.putArray("threads").add(threadChannel());
        g.putArray("members").add(member(botId, List.of(botRoleId)));
        g.putArray("emojis");
        g.putArray("stickers");
        g.putArray("voice_states");
        g.putArray("presences");
        g.putArray("stage_instances");
        g.putArray("guild_scheduled_events");
        g.putArray("soundboard_sounds");
        return g;
    }

    // ------------------------------------------------------------------ REST

    private static final Pattern COMMANDS = Pattern.compile("/applications/(\\d+)/commands");
    private static final Pattern GUILD_COMMANDS = Pattern.compile("/applications/(\\d+)/guilds/(\\d+)/commands");
    private static final Pattern CALLBACK = Pattern.compile("/interactions/(\\d+)/([^/]+)/callback");
    private static final Pattern WEBHOOK = Pattern.compile("/webhooks/(\\d+)/([^/]+)");
    private static final Pattern WEBHOOK_MESSAGE = Pattern.compile("/webhooks/(\\d+)/([^/]+)/messages/([^/]+)");
    private static final Pattern CHANNEL_MESSAGES = Pattern.compile("/channels/(\\d+)/messages");

    private record Answer(int status, JsonNode body) {
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath().substring("/api/v10".length());
        JsonNode body = null;
        Answer answer;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readAllBytes();
            if (bytes.length > 0) {
                body = JSON.readTree(bytes);
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            boolean webhook = path.startsWith("/interactions/") || path.startsWith("/webhooks/");
            if (!webhook && !("Bot " + TOKEN).equals(auth)) {
                answer = error(401, 0, "401: Unauthorized");
            } else {
                RateLimit limit = takeRateLimit(method, path);
                if (limit != null) {
                    sendRateLimited(exchange, limit);
                    record(method, path, body, 429);
                    return;
                }
                answer = route(method, path, body);
            }
        } catch (RuntimeException e) {
            LOG.error("fake Discord failed on {} {}", method, path, e);
            answer = error(500, 0, "500: Internal Server Error");
        }
        record(method, path, body, answer.status());
        byte[] out = answer.body() == null ? new byte[0] : JSON.writeValueAsBytes(answer.body());
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Via", "1.1 google");
        exchange.getResponseHeaders().add("X-RateLimit-Limit", "5");
        exchange.getResponseHeaders().add("X-RateLimit-Remaining", "4");
        exchange.getResponseHeaders().add("X-RateLimit-Reset",
                String.format(java.util.Locale.ROOT, "%.3f", System.currentTimeMillis() / 1000.0 + 1));
        exchange.getResponseHeaders().add("X-RateLimit-Reset-After", "1.000");
        exchange.getResponseHeaders().add("X-RateLimit-Bucket", Integer.toHexString(path.replaceAll("\\d{6,}", "_").hashCode()));
        exchange.sendResponseHeaders(answer.status(), answer.status() == 204 ? -1 : out.length);
        try (OutputStream os = exchange.getResponseBody()) {
            if (answer.status() != 204) {
                os.write(out);
            }
        }
    }

    private void record(String method, String path, JsonNode body, int status) {
        requests.add(new Request(Instant.now(), method, path, body, status));
        if (TRACE) {
            LOG.warn("REST {} {} -> {} {}", method, path, status, body);
        }
    }

    private synchronized RateLimit takeRateLimit(String method, String path) {
        for (RateLimit limit : rateLimits) {
            if (limit.method().equals(method) && path.startsWith(limit.pathPrefix())) {
                rateLimits.remove(limit);
                return limit;
            }
        }
        return null;
    }

    private static void sendRateLimited(HttpExchange exchange, RateLimit limit) throws IOException {
        ObjectNode body = NODES.objectNode().put("message", "You are being rate limited.")
                .put("retry_after", limit.retryAfter()).put("global", limit.global());
        if (limit.global()) {
            body.put("code", 0);
        }
        byte[] out = JSON.writeValueAsBytes(body);
        var headers = exchange.getResponseHeaders();
        headers.add("Content-Type", "application/json");
        // Discord's own 429s come through its proxy; without Via, JDA takes them for Cloudflare bans.
        headers.add("Via", "1.1 google");
        headers.add("Retry-After", Long.toString((long) Math.ceil(limit.retryAfter())));
        if (limit.global()) {
            headers.add("X-RateLimit-Global", "true");
            headers.add("X-RateLimit-Scope", "global");
        } else {
            headers.add("X-RateLimit-Limit", "5");
            headers.add("X-RateLimit-Remaining", "0");
            headers.add("X-RateLimit-Reset", String.format(java.util.Locale.ROOT, "%.3f",
                    System.currentTimeMillis() / 1000.0 + limit.retryAfter()));
            headers.add("X-RateLimit-Reset-After", String.format(java.util.Locale.ROOT, "%.3f", limit.retryAfter()));
            headers.add("X-RateLimit-Bucket", "fakebucket");
            headers.add("X-RateLimit-Scope", "user");
        }
        exchange.sendResponseHeaders(429, out.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
        }
    }

    private Answer route(String method, String path, JsonNode body) {
        Matcher m;
        if (path.equals("/users/@me") && method.equals("GET")) {
            return new Answer(200, user(botId, "Paperboy", true).put("verified", true).put("mfa_enabled", false));
        }
        if (path.equals("/gateway/bot") && method.equals("GET")) {
            ObjectNode gw = NODES.objectNode().put("url", gatewayUrl()).put("shards", 1);
            gw.putObject("session_start_limit").put("total", 1000).put("remaining", 999).put("reset_after", 0)
                    .put("max_concurrency", 1);
            return new Answer(200, gw);
        }
        if ((path.equals("/oauth2/applications/@me") || path.equals("/applications/@me")) && method.equals("GET")) {
            ObjectNode app = NODES.objectNode().put("id", applicationId).put("name", "Paperboy").putNull("icon")
                    .put("description", "").put("bot_public", true).put("bot_require_code_grant", false)
                    .put("verify_key", "00").put("flags", 0);
            app.set("owner", user(ownerId, "owner", false));
            app.putNull("team");
            return new Answer(200, app);
        }
        if ((m = COMMANDS.matcher(path)).matches()) {
            return commands("global", m.group(1), method, body);
        }
        if ((m = GUILD_COMMANDS.matcher(path)).matches()) {
            if (!m.group(2).equals(guildId)) {
                return error(403, 50001, "Missing Access");
            }
            return commands(m.group(2), m.group(1), method, body);
        }
        if ((m = CALLBACK.matcher(path)).matches() && method.equals("POST")) {
            return callback(m.group(1), m.group(2), body);
        }
        if ((m = WEBHOOK_MESSAGE.matcher(path)).matches()) {
            return webhookMessage(m.group(1), m.group(2), m.group(3), method, body);
        }
        if ((m = WEBHOOK.matcher(path)).matches() && method.equals("POST")) {
            return followUp(m.group(1), m.group(2), body);
        }
        if ((m = CHANNEL_MESSAGES.matcher(path)).matches() && method.equals("POST")) {
            return postToChannel(m.group(1), body);
        }
        return error(404, 0, "404: Not Found");
    }

    private static Answer error(int status, int code, String message) {
        return new Answer(status, NODES.objectNode().put("message", message).put("code", code));
    }

    private static Answer formError(String field, String code, String message) {
        ObjectNode body = NODES.objectNode().put("message", "Invalid Form Body").put("code", 50035);
        ObjectNode errors = body.putObject("errors");
        ObjectNode at = errors;
        for (String part : field.split("\\.")) {
            at = at.with(part);
        }
        at.putArray("_errors").addObject().put("code", code).put("message", message);
        return new Answer(400, body);
    }

    private static final Pattern COMMAND_NAME = Pattern.compile("[-_\\p{L}\\p{N}]{1,32}");

    private synchronized Answer commands(String scope, String appId, String method, JsonNode body) {
        if (!appId.equals(applicationId)) {
            return error(403, 50001, "Missing Access");
        }
        if (method.equals("GET")) {
            ArrayNode list = NODES.arrayNode();
            commands.getOrDefault(scope, List.of()).forEach(list::add);
            return new Answer(200, list);
        }
        if (!method.equals("PUT")) {
            return error(405, 0, "405: Method Not Allowed");
        }
        if (body == null || !body.isArray()) {
            return formError("_root", "ARRAY_TYPE_CONVERT", "Only iterables may be used in a ListType.");
        }
        if (body.size() > 100) {
            return formError("_root", "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.");
        }
        List<JsonNode> stored = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            JsonNode c = body.get(i);
            String name = c.path("name").asText();
            if (!COMMAND_NAME.matcher(name).matches() || !name.equals(name.toLowerCase(java.util.Locale.ROOT))) {
                return formError(i + ".name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
            }
            String description = c.path("description").asText();
            if (description.isEmpty() || description.length() > 100) {
                return formError(i + ".description", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
            }
            JsonNode options = c.path("options");
            if (options.size() > 25) {
                return formError(i + ".options", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
            }
            boolean optionalSeen = false;
            for (int j = 0; j < options.size(); j++) {
                JsonNode o = options.get(j);
                if (!COMMAND_NAME.matcher(o.path("name").asText()).matches()) {
                    return formError(i + ".options." + j + ".name", "APPLICATION_COMMAND_INVALID_NAME", "Invalid name");
                }
                int length = o.path("description").asText().length();
                if (length < 1 || length > 100) {
                    return formError(i + ".options." + j + ".description", "BASE_TYPE_BAD_LENGTH",
                            "Must be between 1 and 100 in length.");
                }
                if (o.path("required").asBoolean() && optionalSeen) {
                    return formError(i + ".options." + j + ".required", "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                            "Required options must be placed before non-required options");
                }
                optionalSeen |= !o.path("required").asBoolean();
            }
            ObjectNode copy = c.deepCopy();
            String existingId = commands.getOrDefault(scope, List.of()).stream()
                    .filter(e -> e.path("name").asText().equals(name)).map(e -> e.path("id").asText()).findFirst()
                    .orElseGet(this::nextId);
            copy.put("id", existingId).put("application_id", applicationId).put("version", nextId());
            if (!scope.equals("global")) {
                copy.put("guild_id", scope);
            }
            stored.add(copy);
        }
        commands.put(scope, stored);
        ArrayNode list = NODES.arrayNode();
        stored.forEach(list::add);
        return new Answer(200, list);
    }

    private Answer callback(String id, String token, JsonNode body) {
        Interaction interaction = interactionsByToken.get(token);
        if (interaction == null || !interaction.id.equals(id)) {
            return error(404, 10062, "Unknown interaction");
        }
        synchronized (interaction) {
            long elapsedMillis = (System.nanoTime() - interaction.createdNanos) / 1_000_000;
            if (interaction.callbackType != null) {
                interaction.errors.add("answered twice");
                return error(400, 40060, "Interaction has already been acknowledged.");
            }
            if (elapsedMillis > answerWindow.toMillis()) {
                interaction.errors.add("answered after " + elapsedMillis + " ms");
                return error(404, 10062, "Unknown interaction");
            }
            int type = body.path("type").asInt();
            JsonNode data = body.path("data");
            switch (type) {
                case 4, 7 -> {
                    Optional<Answer> invalid = validateMessage(data, "data.", true);
                    if (invalid.isPresent()) {
                        interaction.errors.add(invalid.get().body().toString());
                        return invalid.get();
                    }
                    ObjectNode message = message(interaction.channelId, data, interaction);
                    if (type == 7) {
                        if (interaction.sourceMessage == null) {
                            return formError("type", "INTERACTION_RESPONSE_TYPE_INVALID", "Invalid response type");
                        }
                        message.put("id", interaction.sourceMessage.path("id").asText());
                    }
                    interaction.messages.add(message);
                }
                case 5 -> {
                }
                case 6 -> {
                    if (interaction.sourceMessage == null) {
                        return formError("type", "INTERACTION_RESPONSE_TYPE_INVALID", "Invalid response type");
                    }
                }
                case 8 -> {
                    JsonNode choices = data.path("choices");
                    if (choices.size() > 25) {
                        interaction.errors.add("too many choices");
                        return formError("data.choices", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
                    }
                    for (JsonNode choice : choices) {
                        if (choice.path("name").asText().length() > 100 || choice.path("value").asText().length() > 100) {
                            return formError("data.choices", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
                        }
                    }
                    interaction.choices = choices;
                }
                default -> {
                    return formError("type", "INTERACTION_RESPONSE_TYPE_INVALID", "Invalid response type");
                }
            }
            if (type == 5 && (data.path("flags").asInt() & 64) != 0) {
                interaction.deferredEphemeral = true;
            }
            interaction.callbackType = type;
        }
        ObjectNode response = NODES.objectNode();
        response.putObject("interaction").put("id", id).put("type", 2);
        response.putObject("resource").put("type", body.path("type").asInt());
        return new Answer(200, response);
    }

    private Answer followUp(String appId, String token, JsonNode body) {
        Interaction interaction = interactionsByToken.get(token);
        if (interaction == null || !appId.equals(applicationId) || interaction.callbackType == null) {
            if (interaction != null) {
                interaction.errors.add("follow-up before the interaction was answered");
            }
            return error(404, 10015, "Unknown Webhook");
        }
        Optional<Answer> invalid = validateMessage(body, "", true);
        if (invalid.isPresent()) {
            interaction.errors.add(invalid.get().body().toString());
            return invalid.get();
        }
        ObjectNode message = message(interaction.channelId, body, interaction);
        interaction.messages.add(message);
        return new Answer(200, message);
    }

    private Answer webhookMessage(String appId, String token, String messageId, String method, JsonNode body) {
        Interaction interaction = interactionsByToken.get(token);
        if (interaction == null || !appId.equals(applicationId) || interaction.callbackType == null) {
            if (interaction != null) {
                interaction.errors.add(method + " " + messageId + " before the interaction was answered");
            }
            return error(404, 10015, "Unknown Webhook");
        }
        if (!messageId.equals("@original")) {
            return error(404, 10008, "Unknown Message");
        }
        if (method.equals("DELETE")) {
            interaction.originalDeleted = true;
            return new Answer(204, null);
        }
        if (!method.equals("PATCH")) {
            return error(405, 0, "405: Method Not Allowed");
        }
        Optional<Answer> invalid = validateMessage(body, "", false);
        if (invalid.isPresent()) {
            interaction.errors.add(invalid.get().body().toString());
            return invalid.get();
        }
        ObjectNode message = message(interaction.channelId, body, interaction);
        if (interaction.sourceMessage != null && interaction.callbackType == 6) {
            message.put("id", interaction.sourceMessage.path("id").asText());
        }
        if (interaction.deferredEphemeral) {
            message.put("flags", 64);
        }
        interaction.messages.add(message);
        return new Answer(200, message);
    }

    private Answer postToChannel(String channelId, JsonNode body) {
        ObjectNode channel = channelId.equals(threadId) ? threadChannel() : channels.get(channelId);
        if (channel == null) {
            return error(404, 10003, "Unknown Channel");
        }
        long denied = 0;
        for (JsonNode o : channel.path("permission_overwrites")) {
            denied |= Long.parseUnsignedLong(o.path("deny").asText());
        }
        if ((denied & VIEW_CHANNEL) != 0) {
            return error(403, 50001, "Missing Access");
        }
        if ((denied & SEND_MESSAGES) != 0) {
            return error(403, 50013, "Missing Permissions");
        }
        Optional<Answer> invalid = validateMessage(body, "", true);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        if ((denied & EMBED_LINKS) != 0 && body.path("embeds").size() > 0) {
            // Discord silently drops the embeds; a test that cares can see them gone.
            ((ObjectNode) body).putArray("embeds");
        }
        ObjectNode message = message(channelId, body, null);
        channelMessages.computeIfAbsent(channelId, k -> new CopyOnWriteArrayList<>()).add(message);
        return new Answer(200, message);
    }

    private ObjectNode message(String channelId, JsonNode body, Interaction interaction) {
        ObjectNode m = NODES.objectNode().put("id", nextId()).put("type", interaction == null ? 0 : 20)
                .put("channel_id", channelId).put("content", body.path("content").asText(""))
                .put("timestamp", Instant.now().toString()).putNull("edited_timestamp").put("tts", false)
                .put("mention_everyone", false).put("pinned", false)
                .put("flags", body.path("flags").asInt(0) & 64);
        m.set("author", user(botId, "Paperboy", true));
        ArrayNode embeds = body.has("embeds") ? (ArrayNode) body.get("embeds").deepCopy() : NODES.arrayNode();
        embeds.forEach(e -> ((ObjectNode) e).put("type", "rich"));
        m.set("embeds", embeds);
        m.set("components", body.has("components") ? body.get("components").deepCopy() : NODES.arrayNode());
        m.putArray("attachments");
        m.putArray("mentions");
        m.putArray("mention_roles");
        m.set("allowed_mentions", body.path("allowed_mentions").deepCopy());
        if (interaction != null) {
            m.put("webhook_id", applicationId).put("application_id", applicationId);
        }
        if (!channelId.equals(threadId)) {
            m.put("guild_id", guildId);
        }
        return m;
    }

    /** Discord's message limits, with its error shapes. */
    static Optional<Answer> validateMessage(JsonNode body, String prefix, boolean create) {
        if (body == null || !body.isObject()) {
            return Optional.of(formError(prefix + "_root", "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType"));
        }
        String content = body.path("content").asText("");
        if (content.length() > 2000) {
            return Optional.of(formError(prefix + "content", "BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length."));
        }
        JsonNode embeds = body.path("embeds");
        if (embeds.size() > 10) {
            return Optional.of(formError(prefix + "embeds", "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length."));
        }
        int total = 0;
        for (int i = 0; i < embeds.size(); i++) {
            JsonNode e = embeds.get(i);
            String at = prefix + "embeds." + i + ".";
            Optional<Answer> bad = limit(e.path("title"), at + "title", 256)
                    .or(() -> limit(e.path("description"), at + "description", 4096))
                    .or(() -> limit(e.path("footer").path("text"), at + "footer.text", 2048))
                    .or(() -> limit(e.path("author").path("name"), at + "author.name", 256));
            if (bad.isPresent()) {
                return bad;
            }
            if (e.path("fields").size() > 25) {
                return Optional.of(formError(at + "fields", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length."));
            }
            for (int j = 0; j < e.path("fields").size(); j++) {
                JsonNode f = e.path("fields").get(j);
                if (f.path("name").asText().isEmpty() || f.path("value").asText().isEmpty()) {
                    return Optional.of(formError(at + "fields." + j, "BASE_TYPE_REQUIRED", "This field is required"));
                }
                String fieldAt = at + "fields." + j;
                bad = limit(f.path("name"), fieldAt + ".name", 256)
                        .or(() -> limit(f.path("value"), fieldAt + ".value", 1024));
                if (bad.isPresent()) {
                    return bad;
                }
                total += f.path("name").asText().length() + f.path("value").asText().length();
            }
            String url = e.path("url").asText("");
            if (!url.isEmpty() && !url.matches("https?://\\S+")) {
                return Optional.of(formError(at + "url", "URL_TYPE_INVALID_URL", "Not a well formed URL."));
            }
            total += e.path("title").asText("").length() + e.path("description").asText("").length()
                    + e.path("footer").path("text").asText("").length() + e.path("author").path("name").asText("").length();
        }
        if (total > 6000) {
            return Optional.of(formError(prefix + "embeds", "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000"));
        }
        JsonNode components = body.path("components");
        if (components.size() > 5) {
            return Optional.of(formError(prefix + "components", "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length."));
        }
        for (JsonNode row : components) {
            for (JsonNode c : row.path("components")) {
                if (c.path("custom_id").asText("").length() > 100 || c.path("label").asText("").length() > 80) {
                    return Optional.of(formError(prefix + "components", "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length."));
                }
            }
        }
        if (create && content.isBlank() && embeds.isEmpty() && components.isEmpty()) {
            return Optional.of(new Answer(400, NODES.objectNode().put("message", "Cannot send an empty message")
                    .put("code", 50006)));
        }
        return Optional.empty();
    }

    private static Optional<Answer> limit(JsonNode text, String field, int max) {
        if (text.isTextual() && text.asText().length() > max) {
            return Optional.of(formError(field, "BASE_TYPE_MAX_LENGTH", "Must be " + max + " or fewer in length."));
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ gateway

    private final class Gateway extends WebSocketServer {
        final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        private final List<Session> sessions = new ArrayList<>();
        volatile int identifies;
        volatile int resumes;

        /** One gateway session: what was dispatched in it, and its connection while there is one. */
        private final class Session {
            final String id = "fake-session-" + nextId();
            WebSocket conn;
            int sequence;
            boolean ended;
            final List<ObjectNode> sent = new ArrayList<>();
        }

        Gateway(InetSocketAddress address) {
            super(address);
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            String query = handshake.getResourceDescriptor();
            if (!query.contains("encoding=json") || query.contains("compress=")) {
                conn.close(4002, "Decode error: this fake speaks uncompressed JSON only");
                return;
            }
            send(conn, NODES.objectNode().put("op", 10).putNull("s").putNull("t")
                    .set("d", NODES.objectNode().put("heartbeat_interval", 41_250)));
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            JsonNode payload;
            try {
                payload = JSON.readTree(message);
            } catch (IOException e) {
                conn.close(4002, "Decode error");
                return;
            }
            if (TRACE) {
                LOG.warn("GW <- {}", message.replace(TOKEN, "***"));
            }
            int op = payload.path("op").asInt();
            JsonNode d = payload.path("d");
            switch (op) {
                case 1 -> send(conn, NODES.objectNode().put("op", 11));
                case 2 -> identify(conn, d);
                case 6 -> resume(conn, d);
                default -> conn.close(4001, "Unknown opcode.");
            }
        }

        private synchronized void identify(WebSocket conn, JsonNode d) {
            if (!TOKEN.equals(d.path("token").asText())) {
                conn.close(4004, "Authentication failed.");
                return;
            }
            long privileged = (1 << 1) | (1 << 8) | (1 << 15);
            if ((d.path("intents").asLong() & privileged) != 0) {
                conn.close(4014, "Disallowed intent(s).");
                return;
            }
            identifies++;
            Session session = new Session();
            session.conn = conn;
            conn.setAttachment(session);
            sessions.add(session);
            ObjectNode ready = ready();
            ready.put("session_id", session.id);
            dispatch(session, "READY", ready);
            dispatch(session, "GUILD_CREATE", guildCreate());
        }

        private synchronized void resume(WebSocket conn, JsonNode d) {
            Session session = sessions.stream().filter(s -> s.id.equals(d.path("session_id").asText()) && !s.ended)
                    .findFirst().orElse(null);
            if (session == null || !TOKEN.equals(d.path("token").asText())) {
                send(conn, NODES.objectNode().put("op", 9).put("d", false));
                return;
            }
            resumes++;
            session.conn = conn;
            conn.setAttachment(session);
            int from = d.path("seq").asInt();
            for (ObjectNode missed : session.sent) {
                if (missed.path("s").asInt() > from) {
                    send(conn, missed);
                }
            }
            dispatch(session, "RESUMED", NODES.objectNode());
        }

        /** Dispatches to the newest live session (connected, or dropped and waiting to resume). */
        synchronized void dispatch(String type, ObjectNode d) {
            Session target = null;
            for (Session session : sessions) {
                if (!session.ended && session.conn != null && session.conn.isOpen()) {
                    target = session;
                }
            }
            if (target == null) {
                for (Session session : sessions) {
                    if (!session.ended) {
                        target = session;
                    }
                }
            }
            if (target == null) {
                LOG.warn("No bot is connected to the fake gateway; {} is not delivered", type);
                return;
            }
            dispatch(target, type, d);
        }

        private void dispatch(Session session, String type, ObjectNode d) {
            session.sequence++;
            ObjectNode payload = NODES.objectNode().put("op", 0).put("t", type).put("s", session.sequence);
            payload.set("d", d);
            session.sent.add(payload);
            if (session.conn != null && session.conn.isOpen()) {
                send(session.conn, payload);
            }
        }

        private void send(WebSocket conn, JsonNode payload) {
            String text = payload.toString();
            if (TRACE) {
                LOG.warn("GW -> {}", text.length() > 3000 ? text.substring(0, 3000) + "…" : text);
            }
            if (conn.isOpen()) {
                conn.send(text);
            }
        }

        synchronized void drop() {
            for (int i = sessions.size() - 1; i >= 0; i--) {
                Session session = sessions.get(i);
                if (!session.ended && session.conn != null && session.conn.isOpen()) {
                    WebSocket conn = session.conn;
                    session.conn = null;
                    conn.close(4000, "Unknown error");
                    return;
                }
            }
            throw new AssertionError("no connection to drop");
        }

        @Override
        public synchronized void onClose(WebSocket conn, int code, String reason, boolean remote) {
            if (TRACE) {
                LOG.warn("GW closed {} {} remote={}", code, reason, remote);
            }
            Session session = conn.getAttachment();
            if (session != null && session.conn == conn) {
                session.conn = null;
                // A client that closes with 1000/1001 ends its session; anything else may resume.
                session.ended = remote && (code == 1000 || code == 1001);
            }
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            LOG.debug("fake gateway error", ex);
        }
    }
}
