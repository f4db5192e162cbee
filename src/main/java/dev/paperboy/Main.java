package dev.paperboy;

import dev.paperboy.cli.BenchSubcommand;
import dev.paperboy.cli.CheckSubcommand;
import dev.paperboy.cli.CommonOptions;
import dev.paperboy.cli.ExportSubcommand;
import dev.paperboy.cli.ImportSubcommand;
import dev.paperboy.cli.RenderSubcommand;
import dev.paperboy.cli.RunSubcommand;
import dev.paperboy.cli.SearchSubcommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The command line: {@code run} (the default), {@code check}, {@code search}, {@code render}, {@code export}. */
@Command(name = "paperboy", mixinStandardHelpOptions = true, version = "Paperboy 0.1",
        description = "Daily research-paper digests and search for Discord, Telegram and the console.",
        subcommands = {RunSubcommand.class, CheckSubcommand.class, SearchSubcommand.class, RenderSubcommand.class,
                ExportSubcommand.class, BenchSubcommand.class, ImportSubcommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    @Mixin
    CommonOptions common = new CommonOptions();

    static final String LOGBACK_FILE = "config/logback.xml";

    public static void main(String[] args) {
        useLoggingConfigFromConfigDirectory();
        int code = commandLine().execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The configured command line, shared with tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
        // "search -survey graphs" excludes a word; it is not an unknown option
        cli.getSubcommands().get("search").setUnmatchedOptionsArePositionalParams(true);
        return cli;
    }

    /** With no subcommand, run the bot. */
    @Override
    public Integer call() throws Exception {
        return new RunSubcommand(common).call();
    }

    private static void useLoggingConfigFromConfigDirectory() {
        if (System.getProperty("logback.configurationFile") == null && Files.isRegularFile(Path.of(LOGBACK_FILE))) {
            System.setProperty("logback.configurationFile", LOGBACK_FILE);
        }
    }
}
