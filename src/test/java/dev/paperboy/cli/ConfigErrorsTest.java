package dev.paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.config.ConfigException;
import dev.paperboy.store.StoreException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** A bad configuration or a database that cannot be opened ends a subcommand with one sentence, not a stack trace. */
class ConfigErrorsTest {

    private final StringWriter err = new StringWriter();

    @Test
    void aDatabaseThatCannotBeOpenedIsOneLineAndStatusTwo() throws Exception {
        int status = ConfigErrors.guard(new PrintWriter(err, true), () -> {
            throw new StoreException("cannot open the database jdbc:postgresql://db/paperboy: Connection refused.",
                    new java.sql.SQLException("Connection refused"));
        });

        assertThat(status).isEqualTo(ConfigErrors.EXIT_CONFIG);
        assertThat(err.toString()).isEqualTo("Cannot start: cannot open the database jdbc:postgresql://db/paperboy:"
                + " Connection refused." + System.lineSeparator());
    }

    @Test
    void aBadConfigurationIsOneLineAndStatusTwo() throws Exception {
        int status = ConfigErrors.guard(new PrintWriter(err, true), () -> {
            throw new ConfigException("page-size must be 1 to 10, got 0");
        });

        assertThat(status).isEqualTo(ConfigErrors.EXIT_CONFIG);
        assertThat(err.toString()).startsWith("Configuration error: page-size must be 1 to 10, got 0");
    }

    @Test
    void otherwiseItIsTheBodysStatus() throws Exception {
        assertThat(ConfigErrors.guard(new PrintWriter(err, true), () -> 0)).isZero();
        assertThat(err.toString()).isEmpty();
    }
}
