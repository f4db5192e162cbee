package dev.paperboy.cli;

import dev.paperboy.content.JsonDigestFormat;
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
        return ValidContent.run(common, spec, "nothing exported: fix them first.", (config, library, out, err) -> {
            if (library.loosePapers().count() > 0 && library.digests().isEmpty()) {
                err.println("Note: papers from JSONL dumps belong to no digest and are not part of the export.");
            }
            out.println(new JsonDigestFormat().write(library.digests()));
            return 0;
        });
    }
}
