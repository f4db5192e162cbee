package dev.paperboy.cli;

import dev.paperboy.config.ConfigException;
import dev.paperboy.store.StoreException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * Runs a subcommand body so that a bad configuration, or a database that cannot be opened, ends it with one clear
 * line and exit code 2.
 */
final class ConfigErrors {

    static final int EXIT_CONFIG = 2;

    private ConfigErrors() {
    }

    static int guard(PrintWriter err, Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (ConfigException e) {
            err.println("Configuration error: " + e.getMessage());
            err.flush();
            return EXIT_CONFIG;
        } catch (StoreException e) {
            err.println(cannotStart(e));
            err.flush();
            return EXIT_CONFIG;
        }
    }

    /** The database is part of the set-up: a sentence, not a stack trace (its message carries no credentials). */
    static String cannotStart(StoreException e) {
        return "Cannot start: " + e.getMessage();
    }
}
