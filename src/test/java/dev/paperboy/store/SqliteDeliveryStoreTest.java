package dev.paperboy.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.delivery.DeliveryStore;
import dev.paperboy.core.delivery.Subscription;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDeliveryStoreTest extends DeliveryStoreContract {

    @TempDir
    Path dir;

    @Override
    DeliveryStore openEmpty() {
        return JdbcDeliveryStore.open(Database.sqlite(dir.resolve("data")));
    }

    @Override
    DeliveryStore openAnother() {
        return JdbcDeliveryStore.open(Database.sqlite(dir.resolve("data")));
    }

    @Override
    Connection connect() {
        return Database.sqlite(dir.resolve("data")).connect();
    }

    @Test
    void oneFileInTheDataDirectoryInWalModeThatSurvivesAReopen() throws Exception {
        Subscription s = subscribe(CHAT, "A");
        store.record(List.of(run(s, "ra", List.of("p1"), "a1")));
        store.close();
        store = null;

        assertThat(dir.resolve("data/paperboy.db")).isRegularFile();
        try (DeliveryStore again = JdbcDeliveryStore.open(Database.sqlite(dir.resolve("data")))) {
            assertThat(again.find(s.id())).isPresent();
            assertThat(again.waitingCount()).isEqualTo(1);
        }
        try (Connection c = Database.sqlite(dir.resolve("data")).connect(); Statement st = c.createStatement()) {
            try (ResultSet mode = st.executeQuery("PRAGMA journal_mode")) {
                mode.next();
                assertThat(mode.getString(1)).isEqualToIgnoringCase("wal");
            }
            try (ResultSet timeout = st.executeQuery("PRAGMA busy_timeout")) {
                timeout.next();
                assertThat(timeout.getInt(1)).isEqualTo(Database.BUSY_TIMEOUT_MS);
            }
        }
        assertThat(Files.list(dir.resolve("data"))).anyMatch(p -> p.getFileName().toString().equals("paperboy.db"));
    }

    @Test
    void aRunPlannedBeforeVersionTwoCountsItsPapersAsSentWithItsLastMessage() throws Exception {
        store.close();
        Database database = Database.sqlite(dir.resolve("data"));
        // the database as version 1 of the store left it: a run of two messages, the first one sent
        try (Connection c = database.connect(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE ledger");
            st.execute("DROP TABLE outbox");
            st.execute("DROP TABLE subscription");
            st.execute("DROP TABLE flyway_schema_history");
        }
        Flyway.configure().dataSource(database.describe(), null, null)
                .placeholders(Map.of("id_column", "INTEGER PRIMARY KEY AUTOINCREMENT")).target("1").load().migrate();
        try (Connection c = database.connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO subscription (target_key, platform, chat_id, filter_kind, filter_text, deliver_at, "
                    + "zone_id, paused, created_by, created_at) VALUES ('TELEGRAM:-100', 'TELEGRAM', '-100', 'TOPIC', "
                    + "'A', '08:00', 'UTC', 0, '42', 0)");
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
    void theDeliveryLockSitsBesideTheDatabaseFileWhateverTheUrlsForm() {
        assertThat(Database.url("jdbc:sqlite:/srv/pb/paperboy.db").sqliteFile()).contains(Path.of("/srv/pb/paperboy.db"));
        assertThat(Database.url("jdbc:sqlite:file:/srv/pb/paperboy.db?journal_mode=WAL").sqliteFile())
                .contains(Path.of("/srv/pb/paperboy.db"));
        assertThat(Database.url("jdbc:sqlite::memory:").sqliteFile()).isEmpty();
        assertThat(Database.url("jdbc:sqlite:file:shared?mode=memory&cache=shared").sqliteFile()).isEmpty();
        assertThat(Database.url("jdbc:postgresql://127.0.0.1/pb").sqliteFile()).isEmpty();
    }
}
