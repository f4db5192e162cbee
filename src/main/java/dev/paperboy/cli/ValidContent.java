package dev.paperboy.cli;

import dev.paperboy.PaperboyApp;
import dev.paperboy.config.PaperboyConfig;
import dev.paperboy.core.ContentSource;
import dev.paperboy.core.ContentLoad;
import dev.paperboy.core.ContentProblem;
import dev.paperboy.core.Library;
import java.io.PrintWriter;
import java.util.Optional;

/** Loads the library for a one-shot subcommand, or lists every problem and says nothing was done. */
final class ValidContent {

    private ValidContent() {
    }

    /**
     * The library the bot would serve (content directory, imported and fetched papers), or empty after
     * printing each problem and {@code refusal} to {@code err}.
     */
    static Optional<Library> load(PaperboyConfig config, PrintWriter err, String refusal) {
        ContentSource source = PaperboyApp.contentSource(config);
        ContentLoad load = source.load();
        if (load.ok()) {
            return Optional.of(Library.of(load.digests(), load.loosePapers()));
        }
        load.problems().stream().map(ContentProblem::toString).forEach(err::println);
        err.println(load.problems().size() + (load.problems().size() == 1 ? " problem" : " problems") + " in "
                + source.describe() + "; " + refusal);
        err.flush();
        return Optional.empty();
    }
}
