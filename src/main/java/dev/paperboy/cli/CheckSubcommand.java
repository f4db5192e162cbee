package dev.paperboy.cli;

import dev.paperboy.core.render.PlainText;
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
        return ValidContent.run(common, spec, "nothing was changed.", (config, library, out, err) -> {
            out.println("OK: " + config.contentDir() + " holds " + PlainText.count(library.topicNames().size(), "topic")
                    + ", " + PlainText.count(library.digests().size(), "digest") + ", "
                    + PlainText.count(library.paperCount(), "paper") + ".");
            library.loosePapers().copiesNote().ifPresent(note -> out.println("Note: " + note));
            return 0;
        });
    }
}
