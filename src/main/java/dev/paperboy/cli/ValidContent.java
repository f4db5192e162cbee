package dev.paperboy.cli;

import dev.paperboy.PaperboyApp;
import dev.paperboy.config.PaperboyConfig;
import dev.paperboy.core.ContentSource;
import dev.paperboy.core.ContentLoad;
import dev.paperboy.core.ContentProblem;
import dev.paperboy.core.Library;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/** Loads the library for a one-shot subcommand, or lists every problem and says nothing was done. */
final class ValidContent {

    private ValidContent() {
    }

    /** What a subcommand does with a valid library; returns its exit status. */
    interface LibraryWork {
        int run(PaperboyConfig config, Library library, PrintWriter out, PrintWriter err) throws Exception;
    }

    /**
     * Loads the configuration and the library and runs {@code work} on them. Exit status 2 for a bad
     * configuration and 1 for content problems, each listed with {@code refusal}; else what {@code work} says.
     */
    static int run(CommonOptions common, CommandSpec spec, String refusal, LibraryWork work) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return ConfigErrors.guard(err, () -> {
            PaperboyConfig config = common.load();
            Optional<Library> loaded = load(config, err, refusal);
            if (loaded.isEmpty()) {
                return 1;
            }
            int status = work.run(config, loaded.get(), out, err);
            out.flush();
            err.flush();
            return status;
        });
    }

    /**
     * The library the bot would serve (content directory, imported and fetched papers), or empty after
     * printing each problem and {@code refusal} to {@code err}.
     */
    private static Optional<Library> load(PaperboyConfig config, PrintWriter err, String refusal) {
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
