package dev.paperboy.cli;

import dev.paperboy.config.ConfigLoader;
import dev.paperboy.config.PaperboyConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every subcommand takes, so that any command can run on a scratch directory. */
public final class CommonOptions {

    static final Path DEFAULT_CONFIG = Path.of("config", "paperboy.yml");

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: config/paperboy.yml; missing means built-in defaults).")
    Path config;

    @Option(names = "--content", paramLabel = "DIR", description = "Content directory; overrides content-dir.")
    Path content;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory; overrides data-dir.")
    Path data;

    /** The configuration with the overrides applied; throws ConfigException with one clear line. */
    PaperboyConfig load() {
        boolean explicit = config != null;
        PaperboyConfig loaded = new ConfigLoader().load(explicit ? config : DEFAULT_CONFIG, explicit);
        return loaded.withDirectories(content, data);
    }
}
