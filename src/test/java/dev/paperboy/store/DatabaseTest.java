package dev.paperboy.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database that cannot be opened is one sentence that says which and why, with no credentials in it. */
class DatabaseTest {

    @Test
    void anUnreachablePostgresSaysWhereAndWhyWithoutThePassword() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Database database = Database.url("jdbc:postgresql://127.0.0.1:" + closed + "/paperboy?user=bot&password=s3cret");

        assertThatThrownBy(database::migrate).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot open the database jdbc:postgresql://127.0.0.1:" + closed + "/paperboy: ")
                .hasMessageContaining("refused")
                .hasMessageEndingWith("PAPERBOY_DATABASE_URL names it (unset, the data directory's SQLite file is used).")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).doesNotContain("s3cret")
                        .doesNotContain("-----"));
    }

    @Test
    void anSqliteFileThatCannotBeCreatedSaysSo(@TempDir Path dir) throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("data"), "a file where the data directory should be");

        assertThatThrownBy(() -> Database.sqliteFile(notADirectory.resolve("paperboy.db")).migrate())
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot open the database jdbc:sqlite:")
                .hasMessageEndingWith("Check that the data directory can be written.");
    }
}
