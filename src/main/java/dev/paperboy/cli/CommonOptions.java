package dev.paperboy.cli;

import dev.paperboy.config.ConfigLoader;
import dev.paperboy.config.PaperboyConfig;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options every subcommand takes, so that any command can run on a scratch directory. They may
 * also come before the subcommand ({@code paperboy --data d import f}); given in both places, the
 * subcommand's own value wins.
 */
public final class CommonOptions {

    static final Path DEFAULT_CONFIG = Path.of("config", "paperboy.yml");

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: config/paperboy.yml; missing means built-in defaults).")
    Path config;

    @Option(names = "--content", paramLabel = "DIR", description = "Content directory; overrides content-dir.")
    Path content;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory; overrides data-dir.")
    Path data;

    /** The command these options belong to; null when they were made outside picocli. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec owner;

    /** The configuration with the overrides applied; throws ConfigException with one clear line. */
    PaperboyConfig load() {
        CommonOptions given = withParents();
        boolean explicit = given.config != null;
        PaperboyConfig loaded = new ConfigLoader().load(explicit ? given.config : DEFAULT_CONFIG, explicit);
        return loaded.withDirectories(given.content, given.data);
    }

    /** These options, each one not given here taken from the nearest enclosing command that has it. */
    private CommonOptions withParents() {
        CommonOptions merged = new CommonOptions();
        merged.config = config;
        merged.content = content;
        merged.data = data;
        for (CommandSpec parent = owner == null ? null : owner.parent(); parent != null; parent = parent.parent()) {
            for (CommandSpec mixin : parent.mixins().values()) {
                if (mixin.userObject() instanceof CommonOptions outer) {
                    merged.config = merged.config != null ? merged.config : outer.config;
                    merged.content = merged.content != null ? merged.content : outer.content;
                    merged.data = merged.data != null ? merged.data : outer.data;
                }
            }
        }
        return merged;
    }
}
