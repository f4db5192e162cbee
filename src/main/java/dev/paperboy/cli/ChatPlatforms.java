package dev.paperboy.cli;

import dev.paperboy.PaperboyApp;
import dev.paperboy.config.PaperboyConfig;
import dev.paperboy.discord.DiscordAdapter;
import dev.paperboy.discord.DiscordRenderer;
import dev.paperboy.telegram.TelegramAdapter;
import dev.paperboy.telegram.TelegramRenderer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the chat adapters whose token is in the environment and that the configuration leaves on,
 * and plugs each into delivery. A platform that cannot start is logged and left off; the rest run.
 */
final class ChatPlatforms implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChatPlatforms.class);

    private final List<AutoCloseable> running = new ArrayList<>();

    /** Starts what can run, reading tokens through {@code environment} (System::getenv outside tests). */
    static ChatPlatforms start(PaperboyApp app, Function<String, String> environment, Clock clock)
            throws InterruptedException {
        ChatPlatforms platforms = new ChatPlatforms();
        PaperboyConfig config = app.config();
        String telegramToken = token(environment, "Telegram", "TELEGRAM_TOKEN", config.telegram().enabled());
        if (telegramToken != null) {
            TelegramAdapter telegram = null;
            try {
                // Inside the try: a malformed token or telegram.api-url is refused here, and must only turn
                // Telegram off.
                telegram = new TelegramAdapter(config.telegram(), telegramToken, app.dispatcher(),
                        new TelegramRenderer(), clock);
                telegram.start();
                app.deliverVia(telegram.formatter(), telegram.sender());
                platforms.running.add(telegram);
                LOG.info("Telegram is on as @{}", telegram.botUsername());
            } catch (RuntimeException e) {
                LOG.error("Telegram is off: {}", redact(e, telegramToken));
                if (telegram != null) {
                    telegram.close();
                }
            }
        }
        String discordToken = token(environment, "Discord", "DISCORD_TOKEN", config.discord().enabled());
        if (discordToken != null) {
            DiscordAdapter discord = null;
            try {
                discord = new DiscordAdapter(config.discord(), discordToken, app.dispatcher(), app.library(),
                        new DiscordRenderer(), clock);
                discord.start();
                app.deliverVia(discord.formatter(), discord.sender());
                platforms.running.add(discord);
                LOG.info("Discord is on");
            } catch (RuntimeException e) {
                LOG.error("Discord is off: {}", redact(e, discordToken));
                if (discord != null) {
                    discord.close();
                }
            }
        }
        return platforms;
    }

    boolean any() {
        return !running.isEmpty();
    }

    private static String token(Function<String, String> environment, String name, String variable, boolean enabled) {
        String token = environment.apply(variable);
        if (token == null || token.isBlank()) {
            LOG.info("{} is off: {} is not set", name, variable);
            return null;
        }
        if (!enabled) {
            LOG.info("{} is off: disabled in the configuration", name);
            return null;
        }
        return token.strip();
    }

    /** The failure's message for the log, with the token cut out should a library have put it there. */
    private static String redact(RuntimeException e, String token) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replace(token, "<token>");
    }

    @Override
    public void close() {
        for (AutoCloseable platform : running) {
            try {
                platform.close();
            } catch (Exception e) {
                LOG.warn("Stopping {} failed: {}", platform.getClass().getSimpleName(), e.toString());
            }
        }
        running.clear();
    }
}
