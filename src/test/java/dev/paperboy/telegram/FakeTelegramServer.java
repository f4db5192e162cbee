package dev.paperboy.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A small Bot API server on 127.0.0.1 that the real Telegram Bots client talks to, as strict as
 * Telegram where it matters to Paperboy: it rejects malformed HTML and over-long text with
 * Telegram's own error shapes, callback data over 64 bytes, invalid command menus and inline
 * results, edits that change nothing, and answers to unknown callback queries; it fails the test
 * (in {@link #close()}) when a callback query was never answered. Tests push updates (messages,
 * button presses, inline queries) and read what the bot sent; 429, 403, 5xx, unknown chats and
 * chat migrations can be injected.
 */
final class FakeTelegramServer implements AutoCloseable {

    static final long BOT_ID = 777000111L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern COMMAND = Pattern.compile("[a-z0-9_]{1,32}");
    private static final Set<String> SCOPES = Set.of("default", "all_private_chats", "all_group_chats",
            "all_chat_administrators", "chat", "chat_administrators", "chat_member");

    record User(long id, String firstName) {
    }

    record Chat(long id, String type, String title) {
        static Chat privateWith(User user) {
            return new Chat(user.id(), "private", null);
        }

        static Chat supergroup(long id, String title) {
            return new Chat(id, "supergroup", title);
        }
    }

    /** A message as the bot sent it (and as edits left it), with its buttons. */
    record Sent(long chatId, int messageId, Integer threadId, String html, JsonNode replyMarkup,
                boolean previewDisabled, String parseMode) {

        /** The text a user sees: tags removed, entities decoded. */
        String text() {
            return TelegramHtmlChecker.parse(html);
        }

        /** The buttons, row by row, as text → callback data. */
        List<Map<String, String>> buttons() {
            List<Map<String, String>> rows = new ArrayList<>();
            if (replyMarkup != null) {
                for (JsonNode row : replyMarkup.path("inline_keyboard")) {
                    Map<String, String> buttons = new LinkedHashMap<>();
                    row.forEach(b -> buttons.put(b.path("text").asText(), b.path("callback_data").asText(null)));
                    rows.add(buttons);
                }
            }
            return rows;
        }

        List<String> allCallbackData() {
            return buttons().stream().flatMap(r -> r.values().stream()).toList();
        }

        String callbackData(String buttonText) {
            return buttons().stream().filter(r -> r.containsKey(buttonText)).map(r -> r.get(buttonText))
                    .findFirst().orElseThrow(() -> new AssertionError("no button \"" + buttonText + "\" in "
                            + buttons()));
        }
    }

    /** One API call as it arrived. */
    record Call(String method, JsonNode body, int status, String description) {
    }

    private final String token;
    private final String botUsername;
    private final HttpServer server;
    private final ExecutorService executor;

    // Everything below is guarded by this.
    private final List<ObjectNode> updates = new ArrayList<>();
    private int nextUpdateId = 100;
    private long pollGeneration;
    private final List<Call> calls = new ArrayList<>();
    private final List<Sent> sent = new ArrayList<>();
    private final Map<String, Sent> current = new HashMap<>();
    private final Map<Long, Integer> nextMessageId = new HashMap<>();
    private final Map<Long, Chat> chats = new HashMap<>();
    private final Map<String, Boolean> callbacks = new LinkedHashMap<>();
    private final Map<String, JsonNode> callbackAnswers = new HashMap<>();
    private final Map<String, JsonNode> inlineAnswers = new LinkedHashMap<>();
    private final Map<String, List<String>> commandMenus = new LinkedHashMap<>();
    private final Map<String, String> memberStatus = new HashMap<>();
    private final Set<Long> blocked = new HashSet<>();
    private final Set<Long> unknown = new HashSet<>();
    private final Map<Long, Long> migrated = new HashMap<>();
    private int rateLimited;
    private int retryAfter;
    private int serverErrors;
    private Duration sendDelay = Duration.ZERO;
    private int nextCallbackId = 1;
    private boolean closed;

    FakeTelegramServer(String token, String botUsername) throws IOException {
        this.token = token;
        this.botUsername = botUsername;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "fake-telegram");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
        server.start();
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    // ---------------------------------------------------------------- what tests inject

    synchronized void rateLimitNextSends(int count, int retryAfterSeconds) {
        rateLimited = count;
        retryAfter = retryAfterSeconds;
    }

    synchronized void failNextSends(int count) {
        serverErrors = count;
    }

    synchronized void delaySends(Duration delay) {
        sendDelay = delay;
    }

    synchronized void blockBot(long chatId) {
        blocked.add(chatId);
    }

    synchronized void forgetChat(long chatId) {
        unknown.add(chatId);
    }

    synchronized void migrate(long fromChatId, long toChatId) {
        migrated.put(fromChatId, toChatId);
    }

    synchronized void setMemberStatus(long chatId, long userId, String status) {
        memberStatus.put(chatId + ":" + userId, status);
    }

    // ---------------------------------------------------------------- what tests push

    synchronized int pushMessage(Chat chat, User user, String text) {
        chats.put(chat.id(), chat);
        ObjectNode message = NODES.objectNode();
        message.put("message_id", newMessageId(chat.id()));
        message.set("from", user(user));
        message.set("chat", chat(chat));
        message.put("date", now());
        message.put("text", text);
        if (text.startsWith("/")) {
            int end = text.indexOf(' ');
            ArrayNode entities = message.putArray("entities");
            entities.addObject().put("type", "bot_command").put("offset", 0).put("length", end < 0 ? text.length() : end);
        }
        return push("message", message);
    }

    /** Presses a button of a message the bot sent; returns the callback query id. */
    synchronized String press(User user, Sent message, String buttonText) {
        return pressData(user, message, message.callbackData(buttonText));
    }

    /** A callback query with any data, as an old or forged button would send. */
    synchronized String pressData(User user, Sent message, String data) {
        String id = "cb" + (nextCallbackId++);
        Sent latest = current.getOrDefault(message.chatId() + ":" + message.messageId(), message);
        ObjectNode query = NODES.objectNode();
        query.put("id", id);
        query.set("from", user(user));
        ObjectNode shown = NODES.objectNode();
        shown.put("message_id", latest.messageId());
        shown.set("from", botUser());
        shown.set("chat", chat(chats.getOrDefault(latest.chatId(), new Chat(latest.chatId(), "private", null))));
        shown.put("date", now());
        shown.put("text", latest.text());
        if (latest.replyMarkup() != null) {
            shown.set("reply_markup", latest.replyMarkup());
        }
        query.set("message", shown);
        query.put("chat_instance", "ci" + latest.chatId());
        query.put("data", data);
        callbacks.put(id, false);
        push("callback_query", query);
        return id;
    }

    synchronized String pushInlineQuery(User user, String text, String offset) {
        String id = "iq" + (nextCallbackId++);
        ObjectNode query = NODES.objectNode();
        query.put("id", id);
        query.set("from", user(user));
        query.put("query", text);
        query.put("offset", offset);
        inlineAnswers.remove(id);
        push("inline_query", query);
        return id;
    }

    private int push(String kind, ObjectNode payload) {
        ObjectNode update = NODES.objectNode();
        int id = nextUpdateId++;
        update.put("update_id", id);
        update.set(kind, payload);
        updates.add(update);
        notifyAll();
        return id;
    }

    // ---------------------------------------------------------------- what tests read

    synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    synchronized List<Sent> sentTo(long chatId) {
        return sent.stream().filter(s -> s.chatId() == chatId).toList();
    }

    /** The message as it looks now, after edits. */
    synchronized Sent latest(Sent message) {
        return current.get(message.chatId() + ":" + message.messageId());
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    synchronized List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equalsIgnoreCase(method)).toList();
    }

    /** Every call the fake refused that no test injected a failure for: the bot's own mistakes. */
    synchronized List<Call> rejected() {
        return calls.stream().filter(c -> c.status() == 400 && !c.description().contains("chat not found")
                && !c.description().contains("upgraded to a supergroup")).toList();
    }

    synchronized Map<String, List<String>> commandMenus() {
        return new LinkedHashMap<>(commandMenus);
    }

    synchronized JsonNode callbackAnswer(String id) {
        return callbackAnswers.get(id);
    }

    synchronized JsonNode inlineAnswer(String id) {
        return inlineAnswers.get(id);
    }

    /** Waits until the condition holds, or fails after the deadline. */
    <T> T await(String what, Supplier<T> value, Predicate<T> done, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        synchronized (this) {
            while (true) {
                T now = value.get();
                if (done.test(now)) {
                    return now;
                }
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("timed out waiting for " + what + "; last value: " + now);
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted waiting for " + what);
                }
            }
        }
    }

    /** Waits for {@code count} more messages to the chat after the first {@code already}. */
    List<Sent> awaitSent(long chatId, int already, int count) {
        List<Sent> all = await(count + " message(s) to " + chatId, () -> sentTo(chatId),
                list -> list.size() >= already + count, Duration.ofSeconds(10));
        return all.subList(already, already + count);
    }

    JsonNode awaitCallbackAnswer(String id) {
        return await("the answer to callback " + id, () -> callbackAnswer(id), a -> a != null, Duration.ofSeconds(10));
    }

    JsonNode awaitInlineAnswer(String id) {
        return await("the answer to inline query " + id, () -> inlineAnswer(id), a -> a != null, Duration.ofSeconds(10));
    }

    /** Stops the server; fails when a callback query was never answered, as Telegram users would notice. */
    @Override
    public void close() {
        List<String> unanswered;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            notifyAll();
            unanswered = callbacks.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        }
        server.stop(0);
        executor.shutdownNow();
        if (!unanswered.isEmpty()) {
            throw new AssertionError("callback queries never answered: " + unanswered);
        }
    }

    // ---------------------------------------------------------------- the API

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            serve(exchange);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        {
            String path = exchange.getRequestURI().getRawPath();
            String prefix = "/bot" + token + "/";
            if (!path.startsWith(prefix)) {
                respond(exchange, 401, error(401, "Unauthorized", null));
                return;
            }
            String method = path.substring(prefix.length()).toLowerCase(Locale.ROOT);
            JsonNode body;
            try {
                body = body(exchange);
            } catch (IOException e) {
                respond(exchange, 400, error(400, "Bad Request: the request body is not valid JSON", null));
                return;
            }
            ObjectNode answer;
            if (method.equals("getupdates")) {
                answer = getUpdates(body);
            } else {
                if (method.equals("sendmessage")) {
                    Duration delay;
                    synchronized (this) {
                        delay = sendDelay;
                    }
                    if (!delay.isZero()) {
                        sleep(delay);
                    }
                }
                synchronized (this) {
                    answer = handle(method, body);
                }
            }
            int status = answer.path("ok").asBoolean() ? 200 : answer.path("error_code").asInt();
            synchronized (this) {
                if (!method.equals("getupdates")) {
                    calls.add(new Call(method, body, status, answer.path("description").asText("")));
                }
                notifyAll();
            }
            respond(exchange, status, answer);
        }
    }

    private ObjectNode handle(String method, JsonNode body) {
        return switch (method) {
            case "getme" -> ok(botUser().put("can_join_groups", true).put("can_read_all_group_messages", false)
                    .put("supports_inline_queries", true));
            case "deletewebhook" -> ok(NODES.booleanNode(true)).put("description", "Webhook is already deleted");
            case "sendmessage" -> sendMessage(body);
            case "editmessagetext" -> editMessageText(body);
            case "answercallbackquery" -> answerCallbackQuery(body);
            case "answerinlinequery" -> answerInlineQuery(body);
            case "setmycommands" -> setMyCommands(body);
            case "getchatmember" -> getChatMember(body);
            default -> error(404, "Not Found", null);
        };
    }

    private ObjectNode getUpdates(JsonNode body) {
        long offset = body.path("offset").asLong(0);
        int limit = body.path("limit").asInt(100);
        int timeout = body.path("timeout").asInt(0);
        if (limit < 1 || limit > 100) {
            return error(400, "Bad Request: limit must be 1-100", null);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(timeout).toNanos();
        synchronized (this) {
            long generation = ++pollGeneration;
            notifyAll();
            while (true) {
                if (offset > 0) {
                    updates.removeIf(u -> u.path("update_id").asLong() < offset);
                }
                if (!updates.isEmpty() || closed) {
                    ArrayNode result = NODES.arrayNode();
                    updates.stream().limit(limit).forEach(result::add);
                    return ok(result);
                }
                if (generation != pollGeneration) {
                    return error(409, "Conflict: terminated by other getUpdates request; make sure that only one "
                            + "bot instance is running", null);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return ok(NODES.arrayNode());
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return ok(NODES.arrayNode());
                }
            }
        }
    }

    private ObjectNode sendMessage(JsonNode body) {
        Long chatId = chatId(body);
        if (chatId == null) {
            return error(400, "Bad Request: chat_id is empty", null);
        }
        if (rateLimited > 0) {
            rateLimited--;
            ObjectNode parameters = NODES.objectNode().put("retry_after", retryAfter);
            return error(429, "Too Many Requests: retry after " + retryAfter, parameters);
        }
        if (serverErrors > 0) {
            serverErrors--;
            return error(502, "Bad Gateway", null);
        }
        ObjectNode gone = chatProblem(chatId);
        if (gone != null) {
            return gone;
        }
        ObjectNode textProblem = checkText(body.path("text").asText(""), body.path("parse_mode").asText(null));
        if (textProblem != null) {
            return textProblem;
        }
        ObjectNode markupProblem = checkMarkup(body.get("reply_markup"));
        if (markupProblem != null) {
            return markupProblem;
        }
        JsonNode thread = body.get("message_thread_id");
        if (thread != null && !thread.canConvertToInt()) {
            return error(400, "Bad Request: message thread not found", null);
        }
        Sent message = new Sent(chatId, newMessageId(chatId), thread == null ? null : thread.asInt(),
                body.path("text").asText(), markup(body.get("reply_markup")),
                body.path("link_preview_options").path("is_disabled").asBoolean(false)
                        || body.path("disable_web_page_preview").asBoolean(false),
                body.path("parse_mode").asText(null));
        sent.add(message);
        current.put(chatId + ":" + message.messageId(), message);
        return ok(messageJson(message));
    }

    private ObjectNode editMessageText(JsonNode body) {
        Long chatId = chatId(body);
        if (chatId == null || !body.path("message_id").canConvertToInt()) {
            return error(400, "Bad Request: message to edit not found", null);
        }
        Sent old = current.get(chatId + ":" + body.path("message_id").asInt());
        if (old == null) {
            return error(400, "Bad Request: message to edit not found", null);
        }
        ObjectNode textProblem = checkText(body.path("text").asText(""), body.path("parse_mode").asText(null));
        if (textProblem != null) {
            return textProblem;
        }
        ObjectNode markupProblem = checkMarkup(body.get("reply_markup"));
        if (markupProblem != null) {
            return markupProblem;
        }
        JsonNode markup = markup(body.get("reply_markup"));
        if (old.html().equals(body.path("text").asText()) && java.util.Objects.equals(old.replyMarkup(), markup)) {
            return error(400, "Bad Request: message is not modified: specified new message content and reply "
                    + "markup are exactly the same as a current content and reply markup of the message", null);
        }
        Sent edited = new Sent(chatId, old.messageId(), old.threadId(), body.path("text").asText(), markup,
                body.path("link_preview_options").path("is_disabled").asBoolean(false), body.path("parse_mode")
                .asText(null));
        current.put(chatId + ":" + old.messageId(), edited);
        return ok(messageJson(edited));
    }

    private ObjectNode answerCallbackQuery(JsonNode body) {
        String id = body.path("callback_query_id").asText("");
        Boolean answered = callbacks.get(id);
        if (answered == null || answered) {
            return error(400, "Bad Request: query is too old and response timeout expired or query ID is invalid",
                    null);
        }
        if (body.path("text").asText("").length() > 200) {
            return error(400, "Bad Request: MESSAGE_TOO_LONG", null);
        }
        callbacks.put(id, true);
        callbackAnswers.put(id, body);
        return ok(NODES.booleanNode(true));
    }

    private ObjectNode answerInlineQuery(JsonNode body) {
        String id = body.path("inline_query_id").asText("");
        if (!id.startsWith("iq") || inlineAnswers.containsKey(id)) {
            return error(400, "Bad Request: query is too old and response timeout expired or query ID is invalid",
                    null);
        }
        JsonNode results = body.path("results");
        if (!results.isArray() || results.size() > 50) {
            return error(400, "Bad Request: RESULTS_TOO_MUCH", null);
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode result : results) {
            String resultId = result.path("id").asText("");
            if (resultId.isEmpty() || resultId.getBytes(StandardCharsets.UTF_8).length > 64) {
                return error(400, "Bad Request: RESULT_ID_INVALID", null);
            }
            if (!ids.add(resultId)) {
                return error(400, "Bad Request: RESULT_ID_DUPLICATE", null);
            }
            if (!"article".equals(result.path("type").asText()) || result.path("title").asText("").isEmpty()) {
                return error(400, "Bad Request: RESULT_TITLE_EMPTY", null);
            }
            JsonNode content = result.path("input_message_content");
            ObjectNode textProblem = checkText(content.path("message_text").asText(""),
                    content.path("parse_mode").asText(null));
            if (textProblem != null) {
                return textProblem;
            }
        }
        if (body.path("next_offset").asText("").getBytes(StandardCharsets.UTF_8).length > 64) {
            return error(400, "Bad Request: NEXT_OFFSET_INVALID", null);
        }
        inlineAnswers.put(id, body);
        return ok(NODES.booleanNode(true));
    }

    private ObjectNode setMyCommands(JsonNode body) {
        JsonNode commands = body.path("commands");
        if (!commands.isArray() || commands.size() > 100) {
            return error(400, "Bad Request: too many commands", null);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode command : commands) {
            String name = command.path("command").asText("");
            String description = command.path("description").asText("");
            if (!COMMAND.matcher(name).matches()) {
                return error(400, "Bad Request: BOT_COMMAND_INVALID", null);
            }
            if (description.isBlank() || description.length() > 256) {
                return error(400, "Bad Request: command description is empty or too long", null);
            }
            names.add(name);
        }
        JsonNode scope = body.path("scope");
        String type = scope.isMissingNode() ? "default" : scope.path("type").asText("");
        if (!SCOPES.contains(type)) {
            return error(400, "Bad Request: unsupported scope type", null);
        }
        String key = type;
        if (type.equals("chat") || type.equals("chat_administrators") || type.equals("chat_member")) {
            Long chatId = chatId(scope);
            if (chatId == null || !chats.containsKey(chatId)) {
                return error(400, "Bad Request: chat not found", null);
            }
            key += ":" + chatId;
            if (type.equals("chat_member")) {
                if (!scope.path("user_id").canConvertToLong()) {
                    return error(400, "Bad Request: user not found", null);
                }
                key += ":" + scope.path("user_id").asLong();
            }
        }
        commandMenus.put(key, names);
        return ok(NODES.booleanNode(true));
    }

    private ObjectNode getChatMember(JsonNode body) {
        Long chatId = chatId(body);
        if (chatId == null || !chats.containsKey(chatId)) {
            return error(400, "Bad Request: chat not found", null);
        }
        long userId = body.path("user_id").asLong();
        String status = memberStatus.getOrDefault(chatId + ":" + userId, "member");
        ObjectNode member = NODES.objectNode();
        member.put("status", status);
        member.set("user", user(new User(userId, "User " + userId)));
        switch (status) {
            case "creator" -> member.put("is_anonymous", false);
            case "administrator" -> member.put("can_be_edited", false).put("is_anonymous", false)
                    .put("can_manage_chat", true).put("can_delete_messages", true).put("can_manage_video_chats", true)
                    .put("can_restrict_members", true).put("can_promote_members", false).put("can_change_info", true)
                    .put("can_invite_users", true).put("can_post_stories", false).put("can_edit_stories", false)
                    .put("can_delete_stories", false);
            default -> {
            }
        }
        return ok(member);
    }

    // ---------------------------------------------------------------- checks

    private ObjectNode chatProblem(long chatId) {
        if (migrated.containsKey(chatId)) {
            return error(400, "Bad Request: group chat was upgraded to a supergroup chat",
                    NODES.objectNode().put("migrate_to_chat_id", migrated.get(chatId)));
        }
        if (blocked.contains(chatId)) {
            return error(403, "Forbidden: bot was blocked by the user", null);
        }
        if (unknown.contains(chatId)) {
            return error(400, "Bad Request: chat not found", null);
        }
        return null;
    }

    /** Telegram's checks of a message text, with its error descriptions. */
    static ObjectNode checkText(String text, String parseMode) {
        if (parseMode != null && !parseMode.equalsIgnoreCase("HTML")) {
            return error(400, "Bad Request: unsupported parse_mode " + parseMode + " (this fake speaks HTML only)",
                    null);
        }
        if (parseMode == null) {
            if (text.isBlank()) {
                return error(400, "Bad Request: message text is empty", null);
            }
            return text.length() > TelegramHtmlChecker.MAX_TEXT_LENGTH
                    ? error(400, "Bad Request: message is too long", null) : null;
        }
        List<String> problems = TelegramHtmlChecker.problems(text);
        List<String> parsing = problems.stream().filter(p -> !p.startsWith("the message text is")).toList();
        if (!parsing.isEmpty()) {
            return error(400, "Bad Request: can't parse entities: " + parsing.get(0), null);
        }
        if (problems.contains("the message text is empty")) {
            return error(400, "Bad Request: message text is empty", null);
        }
        if (!problems.isEmpty()) {
            return error(400, "Bad Request: message is too long", null);
        }
        return null;
    }

    private static ObjectNode checkMarkup(JsonNode markup) {
        if (markup == null || markup.isNull()) {
            return null;
        }
        JsonNode keyboard = markup.path("inline_keyboard");
        if (!keyboard.isArray()) {
            return error(400, "Bad Request: can't parse reply keyboard markup JSON object", null);
        }
        int count = 0;
        for (JsonNode row : keyboard) {
            if (!row.isArray()) {
                return error(400, "Bad Request: can't parse inline keyboard button: rows must be arrays", null);
            }
            for (JsonNode button : row) {
                count++;
                if (button.path("text").asText("").isEmpty()) {
                    return error(400, "Bad Request: text buttons are unallowed in the inline keyboard", null);
                }
                String data = button.path("callback_data").asText(null);
                if (data == null && button.path("url").isMissingNode()) {
                    return error(400, "Bad Request: can't parse inline keyboard button: a button needs an action",
                            null);
                }
                if (data != null && (data.isEmpty() || data.getBytes(StandardCharsets.UTF_8).length > 64)) {
                    return error(400, "Bad Request: BUTTON_DATA_INVALID", null);
                }
            }
        }
        return count > 100 ? error(400, "Bad Request: reply markup is too long", null) : null;
    }

    // ---------------------------------------------------------------- JSON

    private static JsonNode markup(JsonNode markup) {
        return markup == null || markup.isNull() ? null : markup;
    }

    private ObjectNode messageJson(Sent message) {
        ObjectNode json = NODES.objectNode();
        json.put("message_id", message.messageId());
        json.set("from", botUser());
        json.set("chat", chat(chats.getOrDefault(message.chatId(), new Chat(message.chatId(), "private", null))));
        json.put("date", now());
        json.put("text", message.html() == null ? "" : plain(message));
        if (message.threadId() != null) {
            json.put("message_thread_id", message.threadId());
            json.put("is_topic_message", true);
        }
        if (message.replyMarkup() != null) {
            json.set("reply_markup", message.replyMarkup());
        }
        return json;
    }

    private static String plain(Sent message) {
        return message.parseMode() == null ? message.html() : message.text();
    }

    private ObjectNode botUser() {
        return NODES.objectNode().put("id", BOT_ID).put("is_bot", true).put("first_name", "Paperboy")
                .put("username", botUsername);
    }

    private static ObjectNode user(User user) {
        return NODES.objectNode().put("id", user.id()).put("is_bot", false).put("first_name", user.firstName());
    }

    private static ObjectNode chat(Chat chat) {
        ObjectNode json = NODES.objectNode().put("id", chat.id()).put("type", chat.type());
        if (chat.title() != null) {
            json.put("title", chat.title());
        }
        return json;
    }

    private static Long chatId(JsonNode body) {
        JsonNode id = body.path("chat_id");
        if (id.canConvertToLong()) {
            return id.asLong();
        }
        if (id.isTextual() && id.asText().matches("-?[0-9]{1,19}")) {
            return Long.parseLong(id.asText());
        }
        return null;
    }

    private int newMessageId(long chatId) {
        return nextMessageId.merge(chatId, 1, Integer::sum);
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static ObjectNode ok(JsonNode result) {
        ObjectNode json = NODES.objectNode().put("ok", true);
        json.set("result", result);
        return json;
    }

    private static ObjectNode error(int code, String description, ObjectNode parameters) {
        ObjectNode json = NODES.objectNode().put("ok", false).put("error_code", code).put("description", description);
        if (parameters != null) {
            json.set("parameters", parameters);
        }
        return json;
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (bytes.length > 0 && contentType.contains("json")) {
            return JSON.readTree(bytes);
        }
        ObjectNode form = NODES.objectNode();
        String query = exchange.getRequestURI().getRawQuery();
        String text = (query == null ? "" : query) + "&" + new String(bytes, StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // The client went away (the bot stopped polling): nothing to answer.
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
