package dev.paperboy.cli;

import dev.paperboy.config.PaperboyConfig;
import dev.paperboy.core.Library;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code check}: validates the configuration and every content file, listing all problems. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate the configuration and the content; exit 1 listing every problem.")
public final class CheckSubcommand implements Callable<Integer> {

    @Mixin
    CommonOptions common = new CommonOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return ConfigErrors.guard(err, () -> {
            PaperboyConfig config = common.load();
            Optional<Library> loaded = ValidContent.load(config, err, "nothing was changed.");
            if (loaded.isEmpty()) {
                return 1;
            }
            Library library = loaded.get();
            out.println("OK: " + config.contentDir() + " holds " + library.topicNames().size() + " topics, "
                    + library.digests().size() + " digests, " + library.paperCount() + " papers.");
            out.flush();
            return 0;
        });
    }
}
