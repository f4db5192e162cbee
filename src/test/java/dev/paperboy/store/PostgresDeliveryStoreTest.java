package dev.paperboy.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.paperboy.core.delivery.DeliveryStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * The same contract on a real PostgreSQL, whose URL (with user and password) comes from
 * {@code PAPERBOY_TEST_POSTGRES_URL}; {@code .ci/run} starts one. Each test starts from an empty schema.
 */
class PostgresDeliveryStoreTest extends DeliveryStoreContract {

    static final String VARIABLE = "PAPERBOY_TEST_POSTGRES_URL";

    /** The URL, or a skipped test that says how to run it. */
    static String url() {
        String url = System.getenv(VARIABLE);
        assumeTrue(url != null && !url.isBlank(), "PostgreSQL store tests skipped: set " + VARIABLE
                + " to a jdbc:postgresql:// URL with user and password (bash .ci/run starts one) to run them");
        return url;
    }

    @Override
    DeliveryStore openEmpty() throws Exception {
        String url = url();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS public CASCADE");
            st.execute("CREATE SCHEMA public");
        }
        return JdbcDeliveryStore.open(Database.url(url));
    }

    @Override
    String jdbcUrl() {
        return url();
    }

    @Override
    DeliveryStore openAnother() {
        return JdbcDeliveryStore.open(Database.url(url()));
    }

    @Override
    Connection connect() throws java.sql.SQLException {
        return DriverManager.getConnection(url());
    }
}
