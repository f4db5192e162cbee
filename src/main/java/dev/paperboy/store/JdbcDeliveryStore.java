package dev.paperboy.store;

import dev.paperboy.core.command.Platform;
import dev.paperboy.core.delivery.DeliveryCounts;
import dev.paperboy.core.delivery.DeliveryStore;
import dev.paperboy.core.delivery.NewSubscription;
import dev.paperboy.core.delivery.OutboxItem;
import dev.paperboy.core.delivery.OutgoingMessage;
import dev.paperboy.core.delivery.PlannedRun;
import dev.paperboy.core.delivery.Subscription;
import dev.paperboy.core.delivery.SubscriptionFilter;
import dev.paperboy.core.delivery.Target;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The delivery store on SQLite or PostgreSQL through JDBC; see {@link Database} for opening one. */
public final class JdbcDeliveryStore implements DeliveryStore {

    private static final String SUBSCRIPTION_COLUMNS = "id, platform, chat_id, thread_id, filter_kind, filter_text, "
            + "deliver_at, zone_id, paused, paused_reason, created_by, created_at, last_delivered_date, last_run_at, "
            + "last_outcome, since";
    private static final String INSERT_SUBSCRIPTION = "INSERT INTO subscription (target_key, platform, chat_id,"
            + " thread_id, filter_kind, filter_text, deliver_at, zone_id, paused, created_by, created_at, since)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String PENDING = "PENDING";
    /** Parameters per IN list: well under SQLite's and PostgreSQL's limits. */
    private static final int IN_BATCH = 500;

    private final Jdbc jdbc;
    private final Database database;
    /** This store's claim on delivery; null while it has none. */
    private DeliveryClaim claim;
    /** Parsing the same few zones and times for thousands of rows shows in planning time. */
    private final Map<String, ZoneId> zones = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, LocalTime> times = new java.util.concurrent.ConcurrentHashMap<>();

    private JdbcDeliveryStore(Jdbc jdbc, Database database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /** Migrates the database and opens the store on it. */
    public static JdbcDeliveryStore open(Database database) {
        database.migrate();
        return new JdbcDeliveryStore(new Jdbc(database.connect()), database);
    }

    @Override
    public Subscription add(NewSubscription s) {
        long id = jdbc.inTransaction("add a subscription", c -> {
            try (PreparedStatement insert = c.prepareStatement(INSERT_SUBSCRIPTION, Statement.RETURN_GENERATED_KEYS)) {
                bindNew(insert, s);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return find(id).orElseThrow();
    }

    @Override
    public int addAll(List<NewSubscription> subscriptions) {
        return jdbc.inTransaction("add subscriptions", c -> {
            try (PreparedStatement insert = c.prepareStatement(INSERT_SUBSCRIPTION)) {
                for (NewSubscription s : subscriptions) {
                    bindNew(insert, s);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return subscriptions.size();
        });
    }

    private static void bindNew(PreparedStatement insert, NewSubscription s) throws SQLException {
        Jdbc.bind(insert, TargetKeys.of(s.target()), s.target().platform().name(), s.target().chatId(),
                s.target().threadId(), s.filter().kind().name(), s.filter().text(), s.time().toString(),
                s.zone().getId(), false, s.createdBy(), s.createdAt().toEpochMilli(),
                s.since() == null ? null : s.since().toString());
    }

    @Override
    public Optional<Subscription> find(long id) {
        return jdbc.inTransaction("read a subscription", c -> Jdbc.query(c,
                "SELECT " + SUBSCRIPTION_COLUMNS + " FROM subscription WHERE id = ?", this::subscription, id))
                .stream().findFirst();
    }

    @Override
    public List<Subscription> forTarget(Target target) {
        return jdbc.inTransaction("read subscriptions", c -> Jdbc.query(c, "SELECT " + SUBSCRIPTION_COLUMNS
                + " FROM subscription WHERE target_key = ? ORDER BY id", this::subscription,
                TargetKeys.of(target)));
    }

    @Override
    public List<Subscription> activeNotRunSince(LocalDate day) {
        // ISO dates compare as text in both databases.
        return jdbc.inTransaction("read subscriptions", c -> Jdbc.query(c, "SELECT " + SUBSCRIPTION_COLUMNS
                + " FROM subscription WHERE paused = ? AND (last_delivered_date IS NULL OR last_delivered_date < ?) "
                + "ORDER BY id", this::subscription, false, day.toString()));
    }

    @Override
    public int remove(Collection<Long> ids) {
        return jdbc.inTransaction("remove subscriptions", c -> {
            int removed = 0;
            for (long id : ids) {
                cancelWaiting(c, "subscription_id", id, "unsubscribed");
                removed += Jdbc.update(c, "DELETE FROM subscription WHERE id = ?", id);
            }
            return removed;
        });
    }

    @Override
    public int setPaused(Collection<Long> ids, boolean paused, String reason) {
        return jdbc.inTransaction(paused ? "pause subscriptions" : "resume subscriptions", c -> {
            int changed = 0;
            for (long id : ids) {
                if (paused) {
                    cancelWaiting(c, "subscription_id", id, "paused");
                }
                changed += Jdbc.update(c, "UPDATE subscription SET paused = ?, paused_reason = ? WHERE id = ?",
                        paused, paused ? reason : null, id);
            }
            return changed;
        });
    }

    @Override
    public void recordOutcome(long id, Instant at, String outcome) {
        jdbc.inTransaction("record a delivery outcome", c -> Jdbc.update(c,
                "UPDATE subscription SET last_run_at = ?, last_outcome = ? WHERE id = ?", at.toEpochMilli(), outcome, id));
    }

    @Override
    public DeliveryCounts counts() {
        return jdbc.inTransaction("count subscriptions", c -> {
            List<int[]> subscriptions = Jdbc.query(c, "SELECT COUNT(*), COALESCE(SUM(CASE WHEN paused THEN 1 ELSE 0 END), 0), "
                    + "COUNT(DISTINCT target_key) FROM subscription", r -> new int[] {r.getInt(1), r.getInt(2), r.getInt(3)});
            int waiting = Jdbc.query(c, "SELECT COUNT(*) FROM outbox WHERE state = ?", r -> r.getInt(1), PENDING).get(0);
            int[] s = subscriptions.get(0);
            return new DeliveryCounts(s[0], s[1], s[2], waiting);
        });
    }

    @Override
    public Map<Target, Set<String>> paperKeys(Map<Target, Set<String>> candidates) {
        Map<Target, Set<String>> result = new LinkedHashMap<>();
        Map<String, Target> byKey = new java.util.HashMap<>();
        candidates.forEach((target, papers) -> {
            result.put(target, new HashSet<>());
            if (!papers.isEmpty()) {
                byKey.put(TargetKeys.of(target), target);
            }
        });
        List<String> targetKeys = List.copyOf(byKey.keySet());
        jdbc.inTransaction("read the ledger", c -> {
            // Both IN lists probe the primary key (target, paper); pairs that are not a target's own
            // candidates (another target's in the same chunk) are dropped here.
            for (int from = 0; from < targetKeys.size(); from += IN_BATCH) {
                List<String> targetChunk = targetKeys.subList(from, Math.min(targetKeys.size(), from + IN_BATCH));
                List<String> papers = targetChunk.stream().flatMap(k -> candidates.get(byKey.get(k)).stream())
                        .distinct().toList();
                for (int p = 0; p < papers.size(); p += IN_BATCH) {
                    List<String> paperChunk = papers.subList(p, Math.min(papers.size(), p + IN_BATCH));
                    List<Object> parameters = new ArrayList<>(targetChunk);
                    parameters.addAll(paperChunk);
                    Jdbc.query(c, "SELECT target_key, paper_key FROM ledger WHERE target_key IN ("
                            + placeholders(targetChunk.size()) + ") AND paper_key IN (" + placeholders(paperChunk.size())
                            + ")", r -> {
                                Target target = byKey.get(r.getString(1));
                                if (candidates.get(target).contains(r.getString(2))) {
                                    result.get(target).add(r.getString(2));
                                }
                                return null;
                            }, parameters.toArray());
                }
            }
            return null;
        });
        return result;
    }

    @Override
    public void record(List<PlannedRun> runs) {
        if (runs.isEmpty()) {
            return;
        }
        jdbc.inTransaction("record planned deliveries", c -> {
            Set<Long> existing = existingSubscriptions(c, runs);
            // Thousands of runs planned in one pass mostly share their day, moment and outcome: one UPDATE
            // per such group and a few hundred ids, and multi-row INSERTs, instead of a statement per row.
            Map<List<Object>, List<Long>> updates = new LinkedHashMap<>();
            List<Object[]> ledgerRows = new ArrayList<>();
            List<Object[]> outboxRows = new ArrayList<>();
            for (PlannedRun run : runs) {
                Subscription s = run.subscription();
                if (!existing.contains(s.id())) {
                    continue; // removed while the run was being planned: nothing to send
                }
                long at = run.plannedAt().toEpochMilli();
                updates.computeIfAbsent(Arrays.asList(run.scheduledDay() == null ? null : run.scheduledDay().toString(),
                        at, run.outcome()), k -> new ArrayList<>()).add(s.id());
                String targetKey = TargetKeys.of(s.target());
                int[] parts = run.paperParts();
                for (int i = 0; i < parts.length; i++) {
                    ledgerRows.add(new Object[] {targetKey, run.paperKeys().get(i), s.id(), run.runKey(), parts[i], at});
                }
                for (int part = 0; part < run.messages().size(); part++) {
                    outboxRows.add(new Object[] {targetKey, s.target().platform().name(), s.target().chatId(),
                            s.target().threadId(), s.id(), run.runKey(), part, run.messages().get(part).payload(),
                            keysOf(run.paperKeys(), parts, part), PENDING, at, at});
                }
            }
            for (Map.Entry<List<Object>, List<Long>> update : updates.entrySet()) {
                List<Long> ids = update.getValue();
                for (int from = 0; from < ids.size(); from += IN_BATCH) {
                    List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IN_BATCH));
                    Object[] parameters = new Object[3 + chunk.size()];
                    update.getKey().toArray(parameters);
                    for (int i = 0; i < chunk.size(); i++) {
                        parameters[3 + i] = chunk.get(i);
                    }
                    // A scheduled run (it has a day) delivers what "since" asked for: from then on the window rules.
                    Jdbc.update(c, "UPDATE subscription SET last_delivered_date = COALESCE(?, last_delivered_date), "
                            + "last_run_at = ?, last_outcome = ?" + (update.getKey().get(0) == null ? "" : ", since = NULL")
                            + " WHERE id IN (" + placeholders(chunk.size()) + ")", parameters);
                }
            }
            insertRows(c, "INSERT INTO ledger (target_key, paper_key, subscription_id, run_key, part, planned_at) "
                    + "VALUES ", "(?, ?, ?, ?, ?, ?)", ledgerRows);
            insertRows(c, "INSERT INTO outbox (target_key, platform, chat_id, thread_id, subscription_id, run_key, "
                    + "part, payload, paper_keys, state, attempts, not_before, created_at) VALUES ",
                    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)", outboxRows);
            return null;
        });
    }

    /** Rows per multi-row INSERT: at 12 columns, 1,200 parameters, within every SQLite's and PostgreSQL's limit. */
    private static final int ROWS_PER_INSERT = 100;

    /** Inserts the rows in multi-row statements of {@link #ROWS_PER_INSERT}, in order. */
    private static void insertRows(Connection c, String insert, String row, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        int columns = rows.get(0).length;
        int full = rows.size() / ROWS_PER_INSERT;
        if (full > 0) {
            String sql = insert + String.join(", ", java.util.Collections.nCopies(ROWS_PER_INSERT, row));
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                Object[] parameters = new Object[ROWS_PER_INSERT * columns];
                for (int chunk = 0; chunk < full; chunk++) {
                    for (int i = 0; i < ROWS_PER_INSERT; i++) {
                        System.arraycopy(rows.get(chunk * ROWS_PER_INSERT + i), 0, parameters, i * columns, columns);
                    }
                    Jdbc.bind(statement, parameters);
                    statement.executeUpdate();
                }
            }
        }
        int rest = rows.size() - full * ROWS_PER_INSERT;
        if (rest > 0) {
            Object[] parameters = new Object[rest * columns];
            for (int i = 0; i < rest; i++) {
                System.arraycopy(rows.get(full * ROWS_PER_INSERT + i), 0, parameters, i * columns, columns);
            }
            Jdbc.update(c, insert + String.join(", ", java.util.Collections.nCopies(rest, row)), parameters);
        }
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    @Override
    public List<OutboxItem> heads(Collection<Platform> platforms, Instant now, int limit) {
        if (platforms.isEmpty()) {
            return List.of();
        }
        String in = platforms.stream().map(p -> "?").collect(Collectors.joining(", "));
        Object[] parameters = new Object[platforms.size() + 4];
        parameters[0] = PENDING;
        int i = 1;
        for (Platform platform : platforms) {
            parameters[i++] = platform.name();
        }
        parameters[i++] = now.toEpochMilli();
        parameters[i++] = PENDING;
        parameters[i] = limit;
        return jdbc.inTransaction("read the outbox", c -> Jdbc.query(c, "SELECT o.id, o.platform, o.chat_id, "
                + "o.thread_id, o.subscription_id, o.run_key, o.payload, o.attempts FROM outbox o "
                + "WHERE o.state = ? AND o.platform IN (" + in + ") AND o.not_before <= ? "
                + "AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.state = ? AND p.target_key = o.target_key AND p.id < o.id) "
                + "ORDER BY o.id LIMIT ?", r -> new OutboxItem(r.getLong(1),
                TargetKeys.target(r.getString(2), r.getString(3), r.getString(4)), r.getLong(5), r.getString(6),
                new OutgoingMessage(r.getString(7)), r.getInt(8)), parameters));
    }

    @Override
    public boolean isWaiting(long id) {
        return jdbc.inTransaction("read the outbox", c -> !Jdbc.query(c,
                "SELECT 1 FROM outbox WHERE id = ? AND state = ?", r -> 1, id, PENDING).isEmpty());
    }

    @Override
    public void markSent(long id, String messageId, Instant at) {
        jdbc.inTransaction("mark a message sent", c -> {
            List<SentMessage> read = Jdbc.query(c, "SELECT state, paper_keys, target_key, subscription_id, run_key, "
                    + "part FROM outbox WHERE id = ?", r -> new SentMessage(r.getString(1), r.getString(2),
                    r.getString(3), r.getLong(4), r.getString(5), r.getInt(6)), id);
            // Unconditional: even a message dropped while in flight did reach the chat.
            Jdbc.update(c, "UPDATE outbox SET state = 'SENT', sent_at = ?, message_id = ? WHERE id = ?",
                    at.toEpochMilli(), messageId, id);
            if (read.isEmpty()) {
                return null;
            }
            SentMessage message = read.get(0);
            if (!"DROPPED".equals(message.state()) || message.paperKeys() == null) {
                settlePapers(c, id, at, messageId);
                return null;
            }
            // Dropped while it was being sent: its papers were forgotten, but they reached the chat.
            for (String paperKey : message.paperKeys().split("\n")) {
                Jdbc.update(c, "INSERT INTO ledger (target_key, paper_key, subscription_id, run_key, part, planned_at, "
                        + "sent_at, message_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (target_key, paper_key) "
                        + "DO NOTHING", message.targetKey(), paperKey, message.subscriptionId(), message.runKey(),
                        message.part(), at.toEpochMilli(), at.toEpochMilli(), messageId);
            }
            return null;
        });
    }

    /** What {@link #markSent} reads of a message before marking it. */
    private record SentMessage(String state, String paperKeys, String targetKey, long subscriptionId, String runKey,
                               int part) {
    }

    /** Marks the papers that outbox message {@code id} carries as settled at {@code at}, with its platform id. */
    private static void settlePapers(Connection c, long id, Instant at, String messageId) throws SQLException {
        // Uncorrelated lookups, so that the ledger is read through its run index rather than scanned.
        Jdbc.update(c, "UPDATE ledger SET sent_at = ?, message_id = ? WHERE sent_at IS NULL AND run_key = (SELECT "
                + "run_key FROM outbox WHERE id = ?) AND part = (SELECT part FROM outbox WHERE id = ?)",
                at.toEpochMilli(), messageId, id, id);
    }

    /** The keys of the papers on message {@code part}, one a line; null when it carries none. */
    private static String keysOf(List<String> paperKeys, int[] parts, int part) {
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] == part) {
                keys.append(keys.isEmpty() ? "" : "\n").append(paperKeys.get(i));
            }
        }
        return keys.isEmpty() ? null : keys.toString();
    }

    @Override
    public void retryLater(long id, Instant notBefore, String reason, boolean failed) {
        jdbc.inTransaction("reschedule a message", c -> Jdbc.update(c, "UPDATE outbox SET not_before = ?, last_error = ?, "
                + "attempts = attempts + ? WHERE id = ? AND state = ?", notBefore.toEpochMilli(), reason, failed ? 1 : 0,
                id, PENDING));
    }

    @Override
    public void markFailed(long id, String reason, Instant at, boolean offerPapersAgain) {
        jdbc.inTransaction("mark a message failed", c -> {
            if (offerPapersAgain) {
                forgetUnsent(c, "id", id);
            } else {
                // Settled without a message id: a refused message would only be refused again.
                settlePapers(c, id, at, null);
            }
            Jdbc.update(c, "UPDATE outbox SET state = 'FAILED', last_error = ? WHERE id = ? AND state = ?", reason, id,
                    PENDING);
            return null;
        });
    }

    @Override
    public void targetGone(Target target, String reason, Instant at) {
        jdbc.inTransaction("pause a gone target", c -> {
            String key = TargetKeys.of(target);
            cancelWaiting(c, "target_key", key, "target gone: " + reason);
            Jdbc.update(c, "UPDATE subscription SET paused = ?, paused_reason = ?, last_run_at = ?, last_outcome = ? "
                    + "WHERE target_key = ?", true, reason, at.toEpochMilli(), "paused by the bot: " + reason, key);
            return null;
        });
    }

    @Override
    public void migrate(Target from, Target to) {
        jdbc.inTransaction("move a migrated chat", c -> {
            String oldKey = TargetKeys.of(from);
            String newKey = TargetKeys.of(to);
            Jdbc.update(c, "UPDATE subscription SET target_key = ?, platform = ?, chat_id = ?, thread_id = ? "
                    + "WHERE target_key = ?", newKey, to.platform().name(), to.chatId(), to.threadId(), oldKey);
            Jdbc.update(c, "UPDATE outbox SET target_key = ?, platform = ?, chat_id = ?, thread_id = ? "
                    + "WHERE target_key = ? AND state = ?", newKey, to.platform().name(), to.chatId(), to.threadId(),
                    oldKey, PENDING);
            Jdbc.update(c, "DELETE FROM ledger WHERE target_key = ? AND paper_key IN "
                    + "(SELECT paper_key FROM ledger WHERE target_key = ?)", oldKey, newKey);
            Jdbc.update(c, "UPDATE ledger SET target_key = ? WHERE target_key = ?", newKey, oldKey);
            return null;
        });
    }

    @Override
    public int waitingCount() {
        return jdbc.inTransaction("count the outbox", c -> Jdbc.query(c, "SELECT COUNT(*) FROM outbox WHERE state = ?",
                r -> r.getInt(1), PENDING).get(0));
    }

    @Override
    public synchronized boolean claimDelivery() {
        if (claim == null) {
            claim = DeliveryClaim.tryTake(database, jdbc);
        }
        return claim != null;
    }

    @Override
    public synchronized void close() {
        if (claim != null) {
            claim.close();
            claim = null;
        }
        jdbc.close();
    }

    /** Rows deleted per transaction, so that a large first purge does not hold the senders up for long. */
    private static final int PURGE_CHUNK = 5000;

    @Override
    public int purgeSettled(Instant before) {
        int purged = 0;
        int deleted;
        do {
            deleted = jdbc.inTransaction("purge settled messages", c -> Jdbc.update(c,
                    "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE state <> ? AND created_at < ? LIMIT ?)",
                    PENDING, before.toEpochMilli(), PURGE_CHUNK));
            purged += deleted;
        } while (deleted == PURGE_CHUNK);
        return purged;
    }

    /**
     * Drops the waiting messages whose {@code column} is {@code value}, and forgets the papers they carry
     * so that they can come again; papers of the same runs already sent stay in the ledger.
     */
    private static void cancelWaiting(Connection c, String column, Object value, String why) throws SQLException {
        forgetUnsent(c, column, value);
        Jdbc.update(c, "UPDATE outbox SET state = 'DROPPED', last_error = ? WHERE state = ? AND " + column + " = ?",
                why, PENDING, value);
    }

    /** Deletes the ledger entries of the papers carried by the waiting messages whose {@code column} is {@code value}. */
    private static void forgetUnsent(Connection c, String column, Object value) throws SQLException {
        // The IN list lets the ledger be read through its run index; EXISTS then keeps only those messages' papers.
        Jdbc.update(c, "DELETE FROM ledger WHERE sent_at IS NULL AND run_key IN (SELECT run_key FROM outbox WHERE "
                + "state = ? AND " + column + " = ?) AND EXISTS (SELECT 1 FROM outbox o WHERE o.run_key = ledger.run_key "
                + "AND o.part = ledger.part AND o.state = ? AND o." + column + " = ?)", PENDING, value, PENDING, value);
    }

    private static Set<Long> existingSubscriptions(Connection c, List<PlannedRun> runs) throws SQLException {
        List<Long> ids = runs.stream().map(r -> r.subscription().id()).distinct().toList();
        Set<Long> existing = new HashSet<>();
        for (int from = 0; from < ids.size(); from += IN_BATCH) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IN_BATCH));
            String in = chunk.stream().map(k -> "?").collect(Collectors.joining(", "));
            existing.addAll(Jdbc.query(c, "SELECT id FROM subscription WHERE id IN (" + in + ")", r -> r.getLong(1),
                    chunk.toArray()));
        }
        return existing;
    }

    private Subscription subscription(ResultSet r) throws SQLException {
        String lastDate = r.getString(13);
        long lastRun = r.getLong(14);
        boolean noLastRun = r.wasNull();
        String since = r.getString(16);
        return new Subscription(r.getLong(1), TargetKeys.target(r.getString(2), r.getString(3), r.getString(4)),
                new SubscriptionFilter(SubscriptionFilter.Kind.valueOf(r.getString(5)), r.getString(6)),
                times.computeIfAbsent(r.getString(7), LocalTime::parse), zones.computeIfAbsent(r.getString(8), ZoneId::of),
                since == null ? null : LocalDate.parse(since), r.getBoolean(9), r.getString(10),
                r.getString(11), Instant.ofEpochMilli(r.getLong(12)), lastDate == null ? null : LocalDate.parse(lastDate),
                noLastRun ? null : Instant.ofEpochMilli(lastRun), r.getString(15));
    }
}
