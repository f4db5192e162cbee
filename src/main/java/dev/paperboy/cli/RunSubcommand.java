package dev.paperboy.cli;

import dev.paperboy.PaperboyApp;
import dev.paperboy.config.PaperboyConfig;
import dev.paperboy.console.ConsoleAdapter;
import dev.paperboy.console.ConsoleDelivery;
import dev.paperboy.console.ConsoleRenderer;
import dev.paperboy.core.ReloadResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code run}: loads the content and serves it on every adapter that can run. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Start the bot: Discord and Telegram when their tokens are set, else the console.")
public final class RunSubcommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunSubcommand.class);

    @Mixin
    CommonOptions common = new CommonOptions();

    public RunSubcommand() {
    }

    public RunSubcommand(CommonOptions common) {
        this.common = common;
    }

    @Override
    public Integer call() throws Exception {
        PaperboyConfig config;
        try {
            config = common.load();
        } catch (dev.paperboy.config.ConfigException e) {
            System.err.println("Configuration error: " + e.getMessage());
            return ConfigErrors.EXIT_CONFIG;
        }
        try (PaperboyApp app = new PaperboyApp(config, Clock.systemUTC())) {
            ReloadResult first = app.loadContent();
            if (!first.applied()) {
                LOG.warn("Starting with an empty library: fix the {} problem(s) above and reload",
                        first.problems().size());
            }
            boolean platformRunning = false;
            platformRunning |= announcePlatform("Discord", "DISCORD_TOKEN", config.discord().enabled());
            platformRunning |= announcePlatform("Telegram", "TELEGRAM_TOKEN", config.telegram().enabled());
            boolean console = switch (config.console().enabled()) {
                case ON -> true;
                case OFF -> false;
                case AUTO -> !platformRunning;
            };
            if (!console) {
                LOG.error("Nothing to run: no chat platform is running and the console is off. "
                        + "Set DISCORD_TOKEN or TELEGRAM_TOKEN, or set console.enabled to auto in the config.");
                return 1;
            }
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            ConsoleDelivery consoleDelivery = new ConsoleDelivery(new ConsoleRenderer(), out);
            app.deliverVia(consoleDelivery.formatter(), consoleDelivery.sender());
            app.startDelivery();
            app.startArxivFetch();
            new ConsoleAdapter(app.dispatcher(), new ConsoleRenderer(), in, out, System.console() != null).run();
            return 0;
        }
    }

    /** Chat adapters arrive with their own issues; until then a set token is acknowledged, not used. */
    private static boolean announcePlatform(String name, String tokenVariable, boolean enabled) {
        String token = System.getenv(tokenVariable);
        if (token == null || token.isBlank()) {
            LOG.info("{} is off: {} is not set", name, tokenVariable);
        } else if (!enabled) {
            LOG.info("{} is off: disabled in the configuration", name);
        } else {
            LOG.warn("{} is not available in this build yet; {} is ignored", name, tokenVariable);
        }
        return false;
    }
}
