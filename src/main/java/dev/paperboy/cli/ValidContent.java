package dev.paperboy.cli;

import dev.paperboy.content.ContentDirectory;
import dev.paperboy.core.ContentLoad;
import dev.paperboy.core.ContentProblem;
import dev.paperboy.core.Library;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/** Loads a content directory for a one-shot subcommand, or lists every problem and says nothing was done. */
final class ValidContent {

    private ValidContent() {
    }

    /** The library of the directory, or empty after printing each problem and {@code refusal} to {@code err}. */
    static Optional<Library> load(Path contentDir, PrintWriter err, String refusal) {
        ContentLoad load = new ContentDirectory(contentDir).load();
        if (load.ok()) {
            return Optional.of(Library.of(load.digests(), load.loosePapers()));
        }
        load.problems().stream().map(ContentProblem::toString).forEach(err::println);
        err.println(load.problems().size() + (load.problems().size() == 1 ? " problem" : " problems") + " in "
                + contentDir + "; " + refusal);
        err.flush();
        return Optional.empty();
    }
}
