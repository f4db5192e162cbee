package dev.paperboy.cli;

import dev.paperboy.PaperboyApp;
import dev.paperboy.config.ConfigException;
import dev.paperboy.config.PaperboyConfig;
import dev.paperboy.console.ConsoleAdapter;
import dev.paperboy.console.ConsoleDelivery;
import dev.paperboy.console.ConsoleRenderer;
import dev.paperboy.core.ReloadResult;
import dev.paperboy.content.ContentWatcher;
import dev.paperboy.core.render.PlainText;
import dev.paperboy.store.StoreException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
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
        } catch (ConfigException e) {
            System.err.println("Configuration error: " + e.getMessage());
            return ConfigErrors.EXIT_CONFIG;
        }
        Clock clock = Clock.systemUTC();
        PaperboyApp opened;
        try {
            opened = new PaperboyApp(config, clock);
        } catch (StoreException e) {
            System.err.println(ConfigErrors.cannotStart(e));
            return ConfigErrors.EXIT_CONFIG;
        }
        try (PaperboyApp app = opened) {
            ReloadResult first = app.loadContent();
            if (!first.applied()) {
                LOG.warn("Starting with an empty library: fix the {} above and reload",
                        PlainText.count(first.problems().size(), "problem"));
            }
            try (ChatPlatforms platforms = ChatPlatforms.start(app, System::getenv, clock);
                 ContentWatcher watcher = watch(app)) {
                boolean console = switch (config.console().enabled()) {
                    case ON -> true;
                    case OFF -> false;
                    case AUTO -> !platforms.any();
                };
                if (!console && !platforms.any()) {
                    LOG.error("Nothing to run: no chat platform is running and the console is off. "
                            + "Set DISCORD_TOKEN or TELEGRAM_TOKEN, or set console.enabled to auto in the config.");
                    return 1;
                }
                PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
                if (console) {
                    ConsoleDelivery consoleDelivery = new ConsoleDelivery(new ConsoleRenderer(), out);
                    app.deliverVia(consoleDelivery.formatter(), consoleDelivery.sender());
                }
                app.startDelivery();
                app.startArxivFetch();
                if (console) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                    new ConsoleAdapter(app.dispatcher(), new ConsoleRenderer(), in, out, System.console() != null)
                            .run();
                }
                if (platforms.any()) {
                    awaitShutdown();
                }
                return 0;
            }
        }
    }

    /** The content watcher when {@code watch-content} is on, else null (try-with-resources skips it). */
    private static ContentWatcher watch(PaperboyApp app) {
        if (!app.config().watchContent()) {
            return null;
        }
        try {
            ContentWatcher watcher = new ContentWatcher(app.config().contentDir(), app::loadContent,
                    Duration.ofSeconds(1));
            watcher.start();
            return watcher;
        } catch (IOException e) {
            LOG.warn("Cannot watch {} ({}); reload with /reload instead", app.config().contentDir(), e.getMessage());
            return null;
        }
    }

    /** Serves the chat platforms until the process is asked to stop, then lets the callers close everything. */
    private static void awaitShutdown() throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                // Give the main thread time to close adapters, delivery and the store in order.
                main.join(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "paperboy-shutdown"));
        LOG.info("Paperboy is running; stop it with Ctrl+C or SIGTERM");
        stop.await();
        LOG.info("Stopping: finishing messages in flight");
    }
}
