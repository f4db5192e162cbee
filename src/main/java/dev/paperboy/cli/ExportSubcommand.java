package dev.paperboy.cli;

import dev.paperboy.config.PaperboyConfig;
import dev.paperboy.content.JsonDigestFormat;
import dev.paperboy.core.Library;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code export}: prints every digest as JSON, the format JSON content files use. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Print the whole library as JSON digests (the JSON content format).")
public final class ExportSubcommand implements Callable<Integer> {

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
            Optional<Library> loaded = ValidContent.load(config, err,
                    "nothing exported: fix them first.");
            if (loaded.isEmpty()) {
                return 1;
            }
            Library library = loaded.get();
            if (!library.papers().isEmpty() && library.digests().isEmpty()) {
                err.println("Note: papers from JSONL dumps belong to no digest and are not part of the export.");
            }
            out.println(new JsonDigestFormat().write(library.digests()));
            out.flush();
            err.flush();
            return 0;
        });
    }
}
