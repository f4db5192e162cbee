package dev.paperboy.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.command.Platform;
import dev.paperboy.core.delivery.DeliveryStore;
import dev.paperboy.core.delivery.NewSubscription;
import dev.paperboy.core.delivery.OutboxItem;
import dev.paperboy.core.delivery.OutgoingMessage;
import dev.paperboy.core.delivery.PlannedRun;
import dev.paperboy.core.delivery.Subscription;
import dev.paperboy.core.delivery.SubscriptionFilter;
import dev.paperboy.core.delivery.Target;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link DeliveryStore} must do; subclasses run it on SQLite and on PostgreSQL. */
abstract class DeliveryStoreContract {

    static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    static final Target CHAT = Target.chat(Platform.TELEGRAM, "-100");
    static final Target OTHER = Target.chat(Platform.DISCORD, "200");
    static final List<Platform> ALL = List.of(Platform.values());

    DeliveryStore store;

    /** A store on an empty database. */
    abstract DeliveryStore openEmpty() throws Exception;

    /** Every paper of the tests' runs that the target has had or has on its way. */
    Set<String> had(Target target) {
        Set<String> keys = Set.of("p1", "p2", "p3", "arxiv:2211.00001", "arxiv:2211.00002");
        return store.paperKeys(java.util.Map.of(target, keys)).get(target);
    }

    /** The JDBC URL of the store's database, credentials included. */
    abstract String jdbcUrl();

    /** A second store on the same database, as another process would open it. */
    abstract DeliveryStore openAnother() throws Exception;

    /** A connection of its own to the store's database, for reading what the store's API does not show. */
    abstract Connection connect() throws SQLException;

    /** Every ledger entry as "paper message-id", "-" for one not sent yet, by paper. */
    List<String> ledger() throws SQLException {
        List<String> rows = new java.util.ArrayList<>();
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet r = st.executeQuery("SELECT paper_key, message_id, sent_at FROM ledger ORDER BY paper_key")) {
            while (r.next()) {
                String paper = r.getString(1);
                String message = r.getString(2);
                r.getLong(3);
                rows.add(paper + " " + (r.wasNull() ? "-" : message));
            }
        }
        return rows;
    }

    @BeforeEach
    void open() throws Exception {
        store = openEmpty();
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    Subscription subscribe(Target target, String topic) {
        return store.add(new NewSubscription(target, SubscriptionFilter.topic(topic), LocalTime.of(8, 0),
                ZoneId.of("Europe/Berlin"), "42", NOW));
    }

    static PlannedRun run(Subscription s, String runKey, List<String> papers, String... messages) {
        return new PlannedRun(s, runKey, LocalDate.of(2026, 3, 1), papers,
                java.util.Arrays.stream(messages).map(OutgoingMessage::new).toList(), papers.size() + " papers", NOW);
    }

    @Test
    void keepsSubscriptionsInTheOrderTheyWereMade() {
        Subscription first = subscribe(CHAT, "Vision Transformer");
        Subscription second = store.add(new NewSubscription(new Target(Platform.TELEGRAM, "-100", "7"),
                SubscriptionFilter.query("au:lovelace diffusion"), LocalTime.of(23, 59), ZoneId.of("America/New_York"),
                LocalDate.of(2026, 1, 15), "43", NOW));
        Subscription third = subscribe(CHAT, "Speech");

        assertThat(store.forTarget(CHAT)).extracting(Subscription::id).containsExactly(first.id(), third.id());
        Subscription read = store.find(second.id()).orElseThrow();
        assertThat(read.target().threadId()).isEqualTo("7");
        assertThat(read.filter()).isEqualTo(SubscriptionFilter.query("au:lovelace diffusion"));
        assertThat(read.time()).isEqualTo(LocalTime.of(23, 59));
        assertThat(read.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(read.createdAt()).isEqualTo(NOW);
        assertThat(read.since()).isEqualTo(LocalDate.of(2026, 1, 15));
        assertThat(store.find(first.id()).orElseThrow().since()).isNull();
        assertThat(read.paused()).isFalse();
        assertThat(read.lastDeliveredDate()).isNull();
        assertThat(read.lastRunAt()).isNull();
    }

    @Test
    void aRunWritesLedgerOutboxAndLastDayTogether() {
        Subscription s = subscribe(CHAT, "Vision Transformer");
        store.record(List.of(run(s, "r1", List.of("arxiv:2211.00001", "arxiv:2211.00002"), "one", "two")));

        Subscription after = store.find(s.id()).orElseThrow();
        assertThat(after.lastDeliveredDate()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(after.lastOutcome()).isEqualTo("2 papers");
        assertThat(had(CHAT))
                .containsExactlyInAnyOrder("arxiv:2211.00001", "arxiv:2211.00002");
        assertThat(had(OTHER)).isEmpty();
        assertThat(store.waitingCount()).isEqualTo(2);
        assertThat(store.counts().waitingMessages()).isEqualTo(2);
    }

    @Test
    void answersOnlyAboutEachTargetsOwnCandidates() {
        Subscription a = subscribe(CHAT, "A");
        Subscription b = subscribe(OTHER, "B");
        store.record(List.of(run(a, "ra", List.of("p1", "p2"), "a1"), run(b, "rb", List.of("p3"), "b1")));
        Target nobody = Target.chat(Platform.TELEGRAM, "-300");

        java.util.Map<Target, Set<String>> had = store.paperKeys(java.util.Map.of(CHAT, Set.of("p1", "p3", "p9"),
                OTHER, Set.of("p1"), nobody, Set.of()));

        assertThat(had).containsOnly(java.util.Map.entry(CHAT, Set.of("p1")), java.util.Map.entry(OTHER, Set.of()),
                java.util.Map.entry(nobody, Set.of()));
    }

    @Test
    void asksAboutManyTargetsAndPapersInChunks() {
        List<NewSubscription> many = new java.util.ArrayList<>();
        for (int i = 0; i < 700; i++) {
            many.add(new NewSubscription(Target.chat(Platform.TELEGRAM, "t" + i), SubscriptionFilter.topic("A"),
                    LocalTime.of(8, 0), ZoneId.of("UTC"), "42", NOW));
        }
        store.addAll(many);
        List<Subscription> subscriptions = many.stream().map(n -> store.forTarget(n.target()).get(0)).toList();
        List<String> papers = java.util.stream.IntStream.range(0, 1200).mapToObj(i -> "p" + i).toList();
        store.record(subscriptions.stream().map(s -> run(s, "r" + s.id(),
                List.of("p" + (Integer.parseInt(s.target().chatId().substring(1)) % 1200)), "x")).toList());

        java.util.Map<Target, Set<String>> candidates = new java.util.HashMap<>();
        subscriptions.forEach(s -> candidates.put(s.target(), new java.util.HashSet<>(papers)));
        java.util.Map<Target, Set<String>> had = store.paperKeys(candidates);

        assertThat(had).hasSize(700);
        subscriptions.forEach(s -> assertThat(had.get(s.target()))
                .containsExactly("p" + Integer.parseInt(s.target().chatId().substring(1))));
    }

    @Test
    void handsOutOnlyTheOldestWaitingMessageOfEachTarget() {
        Subscription a = subscribe(CHAT, "A");
        Subscription b = subscribe(OTHER, "B");
        store.record(List.of(run(a, "ra", List.of("p1"), "a1", "a2"), run(b, "rb", List.of("p2"), "b1")));

        List<OutboxItem> heads = store.heads(ALL, NOW, 10);
        assertThat(heads).extracting(i -> i.message().payload()).containsExactly("a1", "b1");
        assertThat(store.heads(List.of(Platform.DISCORD), NOW, 10)).extracting(i -> i.message().payload())
                .containsExactly("b1");

        OutboxItem a1 = heads.get(0);
        store.retryLater(a1.id(), NOW.plusSeconds(5), "429", false);
        assertThat(store.heads(ALL, NOW, 10)).extracting(i -> i.message().payload()).containsExactly("b1");
        assertThat(store.heads(ALL, NOW.plusSeconds(5), 10)).extracting(i -> i.message().payload())
                .containsExactly("a1", "b1");

        store.markSent(a1.id(), "m1", NOW);
        assertThat(store.isWaiting(a1.id())).isFalse();
        assertThat(store.heads(ALL, NOW.plusSeconds(5), 10)).extracting(i -> i.message().payload())
                .containsExactly("a2", "b1");
    }

    @Test
    void removingASubscriptionDropsItsWaitingMessagesAndForgetsTheirPapers() {
        Subscription a = subscribe(CHAT, "A");
        Subscription keep = subscribe(CHAT, "B");
        store.record(List.of(run(a, "ra", List.of("p1"), "a1"), run(keep, "rb", List.of("p2"), "b1")));

        assertThat(store.remove(List.of(a.id()))).isEqualTo(1);

        assertThat(store.forTarget(CHAT)).extracting(Subscription::id).containsExactly(keep.id());
        assertThat(store.heads(ALL, NOW, 10)).extracting(i -> i.message().payload()).containsExactly("b1");
        assertThat(had(CHAT)).containsExactly("p2");
    }

    @Test
    void sentPapersStayInTheLedgerAfterUnsubscribing() {
        Subscription a = subscribe(CHAT, "A");
        store.record(List.of(run(a, "ra", List.of("p1"), "a1")));
        store.markSent(store.heads(ALL, NOW, 10).get(0).id(), "m1", NOW);

        store.remove(List.of(a.id()));

        assertThat(had(CHAT)).containsExactly("p1");
    }

    @Test
    void eachPaperCountsAsSentWithTheMessageThatCarriesIt() throws Exception {
        Subscription a = subscribe(CHAT, "A");
        store.record(List.of(new PlannedRun(a, "ra", LocalDate.of(2026, 3, 1), List.of("p1", "p2", "p3"),
                List.of(new OutgoingMessage("heading and p1", 1), new OutgoingMessage("p2 and p3", 2)), "3 papers",
                NOW)));

        store.markSent(store.heads(ALL, NOW, 10).get(0).id(), "m1", NOW);
        assertThat(ledger()).containsExactly("p1 m1", "p2 -", "p3 -");

        store.remove(List.of(a.id()));
        assertThat(ledger()).containsExactly("p1 m1");
        assertThat(had(CHAT)).containsExactly("p1");
    }

    @Test
    void aMessageDroppedWhileBeingSentStillRecordsThePapersItCarried() throws Exception {
        Subscription a = subscribe(CHAT, "A");
        store.record(List.of(new PlannedRun(a, "ra", LocalDate.of(2026, 3, 1), List.of("p1", "p2", "p3"),
                List.of(new OutgoingMessage("p1 and p2", 2), new OutgoingMessage("p3", 1)), "3 papers", NOW)));
        OutboxItem onItsWay = store.heads(ALL, NOW, 10).get(0);

        store.remove(List.of(a.id()));
        assertThat(had(CHAT)).isEmpty();
        store.markSent(onItsWay.id(), "m1", NOW);

        assertThat(ledger()).containsExactly("p1 m1", "p2 m1");
        assertThat(store.waitingCount()).isZero();
    }

    @Test
    void papersOfAFormatterThatDoesNotCountAreSentWithTheLastMessage() throws Exception {
        Subscription a = subscribe(CHAT, "A");
        store.record(List.of(run(a, "ra", List.of("p1", "p2"), "a1", "a2")));

        store.markSent(store.heads(ALL, NOW, 10).get(0).id(), "m1", NOW);
        assertThat(ledger()).containsExactly("p1 -", "p2 -");
        store.markSent(store.heads(ALL, NOW, 10).get(0).id(), "m2", NOW);
        assertThat(ledger()).containsExactly("p1 m2", "p2 m2");
    }

    /** A run of two messages, p1 in the first and p2 in the second. */
    private void recordOnePaperPerMessage(Subscription subscription) {
        store.record(List.of(new PlannedRun(subscription, "ra", LocalDate.of(2026, 3, 1), List.of("p1", "p2"),
                List.of(new OutgoingMessage("p1", 1), new OutgoingMessage("p2", 1)), "2 papers", NOW)));
    }

    @Test
    void aMessageGivenUpAfterPassingFailuresForgetsOnlyThePapersItCarried() throws Exception {
        Subscription a = subscribe(CHAT, "A");
        recordOnePaperPerMessage(a);

        store.markFailed(store.heads(ALL, NOW, 10).get(0).id(), "failed 12 times", NOW, true);
        store.markSent(store.heads(ALL, NOW, 10).get(0).id(), "m2", NOW);

        assertThat(ledger()).containsExactly("p2 m2");
        assertThat(had(CHAT)).containsExactly("p2");
    }

    @Test
    void aRefusedMessagesPapersCountAsSettledSoTheyAreNotOfferedAgain() throws Exception {
        Subscription a = subscribe(CHAT, "A");
        recordOnePaperPerMessage(a);

        store.markFailed(store.heads(ALL, NOW, 10).get(0).id(), "refused: message is too long", NOW, false);

        assertThat(ledger()).containsExactly("p1 null", "p2 -");
        assertThat(had(CHAT)).containsExactlyInAnyOrder("p1", "p2");
    }

    @Test
    void aScheduledRunUsesUpSinceButADeliverNowDoesNot() {
        Subscription a = store.add(new NewSubscription(CHAT, SubscriptionFilter.topic("A"), LocalTime.of(8, 0),
                ZoneId.of("UTC"), LocalDate.of(2026, 1, 15), "42", NOW));
        store.record(List.of(new PlannedRun(a, "now", null, List.of(), List.of(), "nothing new (deliver now)", NOW)));
        assertThat(store.find(a.id()).orElseThrow().since()).isEqualTo(LocalDate.of(2026, 1, 15));

        store.record(List.of(run(a, "ra", List.of("p1"), "a1")));

        assertThat(store.find(a.id()).orElseThrow().since()).isNull();
    }

    @Test
    void purgingDeletesOnlySettledMessagesPlannedBeforeTheCutoff() {
        Subscription a = subscribe(CHAT, "A");
        Subscription b = subscribe(OTHER, "B");
        store.record(List.of(run(a, "ra", List.of("p1"), "a1", "a2"), run(b, "rb", List.of("p2"), "b1")));
        store.markSent(store.heads(List.of(Platform.TELEGRAM), NOW, 10).get(0).id(), "m1", NOW);
        store.setPaused(List.of(b.id()), true, null);

        assertThat(store.purgeSettled(NOW)).isZero();
        assertThat(store.purgeSettled(NOW.plusMillis(1))).isEqualTo(2);

        assertThat(store.heads(ALL, NOW, 10)).extracting(i -> i.message().payload()).containsExactly("a2");
        assertThat(had(CHAT)).containsExactly("p1");
    }

    @Test
    void onlyOneStoreOfADatabaseMayDeliverAtATime() throws Exception {
        try (DeliveryStore other = openAnother()) {
            assertThat(store.claimDelivery()).isTrue();
            assertThat(store.claimDelivery()).isTrue();
            assertThat(other.claimDelivery()).isFalse();

            store.close();
            store = null;
            assertThat(other.claimDelivery()).isTrue();
        }
    }

    @Test
    void purgesMoreSettledMessagesThanOneChunkHolds() {
        Subscription a = subscribe(CHAT, "A");
        String[] messages = java.util.stream.IntStream.range(0, 5003).mapToObj(i -> "m" + i).toArray(String[]::new);
        store.record(List.of(run(a, "ra", List.of("p1"), messages)));
        store.setPaused(List.of(a.id()), true, null);

        assertThat(store.purgeSettled(NOW.plusMillis(1))).isEqualTo(5003);
        assertThat(store.purgeSettled(NOW.plusMillis(1))).isZero();
    }

    @Test
    void aRunPlannedBeforeVersionTwoCountsItsPapersAsSentWithItsLastMessage() throws Exception {
        store.close();
        store = null;
        Database database = Database.url(jdbcUrl());
        // the database as version 1 of the store left it: a run of two messages, the first one sent
        try (Connection c = connect(); Statement st = c.createStatement()) { // auto-commit, as JDBC opens it
            for (String table : List.of("ledger", "outbox", "subscription", "flyway_schema_history")) {
                st.execute("DROP TABLE " + table);
            }
        }
        org.flywaydb.core.Flyway.configure().dataSource(jdbcUrl(), null, null)
                .placeholders(java.util.Map.of("id_column", database.postgres()
                        ? "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT"))
                .target("1").load().migrate();
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO subscription (target_key, platform, chat_id, filter_kind, filter_text, deliver_at, "
                    + "zone_id, paused, created_by, created_at) VALUES ('TELEGRAM:-100', 'TELEGRAM', '-100', 'TOPIC', "
                    + "'A', '08:00', 'UTC', FALSE, '42', 0)");
            st.execute("INSERT INTO outbox (target_key, platform, chat_id, subscription_id, run_key, payload, state, "
                    + "attempts, not_before, created_at, sent_at, message_id) VALUES "
                    + "('TELEGRAM:-100', 'TELEGRAM', '-100', 1, 'r', 'one', 'SENT', 0, 0, 0, 5, 'm1'), "
                    + "('TELEGRAM:-100', 'TELEGRAM', '-100', 1, 'r', 'two', 'PENDING', 0, 0, 0, NULL, NULL)");
            st.execute("INSERT INTO ledger (target_key, paper_key, subscription_id, run_key, planned_at) VALUES "
                    + "('TELEGRAM:-100', 'p1', 1, 'r', 0), ('TELEGRAM:-100', 'p2', 1, 'r', 0)");
        }

        store = JdbcDeliveryStore.open(database);
        assertThat(ledger()).containsExactly("p1 -", "p2 -");
        store.markSent(store.heads(ALL, NOW, 10).get(0).id(), "m2", NOW);

        assertThat(ledger()).containsExactly("p1 m2", "p2 m2");
        assertThat(store.waitingCount()).isZero();
    }

    @Test
    void pausingDropsWaitingMessagesAndTheActiveListSkipsIt() {
        Subscription a = subscribe(CHAT, "A");
        Subscription b = subscribe(OTHER, "B");
        store.record(List.of(run(a, "ra", List.of("p1"), "a1")));

        store.setPaused(List.of(a.id()), true, null);

        assertThat(store.activeNotRunSince(LocalDate.of(9999, 12, 31))).extracting(Subscription::id).containsExactly(b.id());
        assertThat(store.waitingCount()).isZero();
        assertThat(store.counts().paused()).isEqualTo(1);
        store.setPaused(List.of(a.id()), false, null);
        assertThat(store.activeNotRunSince(LocalDate.of(9999, 12, 31))).hasSize(2);
    }

    @Test
    void aGoneTargetIsPausedWithTheReason() {
        Subscription a = subscribe(CHAT, "A");
        Subscription b = subscribe(CHAT, "B");
        Subscription other = subscribe(OTHER, "C");
        store.record(List.of(run(a, "ra", List.of("p1"), "a1"), run(other, "rc", List.of("p1"), "c1")));

        store.targetGone(CHAT, "the bot was blocked", NOW);

        assertThat(store.forTarget(CHAT)).allSatisfy(s -> {
            assertThat(s.paused()).isTrue();
            assertThat(s.pausedReason()).isEqualTo("the bot was blocked");
            assertThat(s.lastOutcome()).contains("the bot was blocked");
        });
        assertThat(store.find(b.id()).orElseThrow().paused()).isTrue();
        assertThat(store.heads(ALL, NOW, 10)).extracting(OutboxItem::target).containsExactly(OTHER);
        assertThat(had(CHAT)).isEmpty();
    }

    @Test
    void aMigratedChatTakesItsSubscriptionsMessagesAndLedgerAlong() {
        Target moved = Target.chat(Platform.TELEGRAM, "-100999");
        Subscription a = subscribe(CHAT, "A");
        store.record(List.of(run(a, "ra", List.of("p1", "p2"), "a1", "a2")));
        store.markSent(store.heads(ALL, NOW, 10).get(0).id(), "m1", NOW);

        store.migrate(CHAT, moved);

        assertThat(store.forTarget(CHAT)).isEmpty();
        assertThat(store.forTarget(moved)).extracting(Subscription::id).containsExactly(a.id());
        assertThat(store.heads(ALL, NOW, 10)).singleElement().satisfies(i -> {
            assertThat(i.target()).isEqualTo(moved);
            assertThat(i.message().payload()).isEqualTo("a2");
        });
        assertThat(had(moved)).isEqualTo(Set.of("p1", "p2"));
    }

    @Test
    void failedMessagesLetTheNextOneThrough() {
        Subscription a = subscribe(CHAT, "A");
        store.record(List.of(run(a, "ra", List.of("p1"), "a1", "a2")));
        OutboxItem first = store.heads(ALL, NOW, 10).get(0);
        store.retryLater(first.id(), NOW, "500", true);
        assertThat(store.heads(ALL, NOW, 10).get(0).attempts()).isEqualTo(1);

        store.markFailed(first.id(), "too long", NOW, false);

        assertThat(store.heads(ALL, NOW, 10)).extracting(i -> i.message().payload()).containsExactly("a2");
    }

    @Test
    void aRunOfARemovedSubscriptionWritesNothing() {
        Subscription a = subscribe(CHAT, "A");
        store.remove(List.of(a.id()));

        store.record(List.of(run(a, "ra", List.of("p1"), "a1")));

        assertThat(store.waitingCount()).isZero();
        assertThat(had(CHAT)).isEmpty();
    }

    @Test
    void aDeliverNowRunLeavesTheScheduledDayAlone() {
        Subscription a = subscribe(CHAT, "A");
        store.record(List.of(new PlannedRun(a, "now", null, List.of("p1"), List.of(new OutgoingMessage("x")),
                "1 paper (deliver now)", NOW)));

        Subscription after = store.find(a.id()).orElseThrow();
        assertThat(after.lastDeliveredDate()).isNull();
        assertThat(after.lastOutcome()).isEqualTo("1 paper (deliver now)");
        assertThat(after.lastRunAt()).isEqualTo(NOW);
    }
}
