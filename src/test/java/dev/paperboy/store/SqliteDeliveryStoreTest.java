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
    String jdbcUrl() {
        return "jdbc:sqlite:" + dir.resolve("data/paperboy.db").toAbsolutePath();
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
    void theDeliveryLockSitsBesideTheDatabaseFileWhateverTheUrlsForm() {
        assertThat(Database.url("jdbc:sqlite:/srv/pb/paperboy.db").sqliteFile()).contains(Path.of("/srv/pb/paperboy.db"));
        assertThat(Database.url("jdbc:sqlite:file:/srv/pb/paperboy.db?journal_mode=WAL").sqliteFile())
                .contains(Path.of("/srv/pb/paperboy.db"));
        assertThat(Database.url("jdbc:sqlite::memory:").sqliteFile()).isEmpty();
        assertThat(Database.url("jdbc:sqlite:file:shared?mode=memory&cache=shared").sqliteFile()).isEmpty();
        assertThat(Database.url("jdbc:postgresql://127.0.0.1/pb").sqliteFile()).isEmpty();
    }
}
