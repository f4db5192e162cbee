package dev.paperboy.discord;

import dev.paperboy.core.command.TokenCache;
import dev.paperboy.config.PaperboyConfig;
import dev.paperboy.core.LiveLibrary;
import dev.paperboy.core.TopicSummary;
import dev.paperboy.core.command.CommandDispatcher;
import dev.paperboy.core.render.PlainText;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.requests.restaction.CommandListUpdateAction;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord adapter: connects the bot with JDA (no privileged intents), registers one slash command
 * per core command, answers interactions, and offers a {@link DiscordSender} and
 * {@link DiscordDigestFormatter} for the delivery engine. {@link #start()} blocks until the gateway is
 * ready and the commands are registered; {@link #stop()} disconnects.
 */
public final class DiscordAdapter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordAdapter.class);

    private final PaperboyConfig.Discord config;
    private final String token;
    private final CommandDispatcher dispatcher;
    private final DiscordRenderer renderer;
    private final Supplier<List<String>> topics;
    private final TokenCache<String> searches;
    private final Duration deferAfter;
    private final DiscordSender sender;
    private volatile JDA jda;
    private ExecutorService workers;
    private ScheduledExecutorService timers;

    /**
     * @param config     the {@code discord} section of the configuration
     * @param token      the bot token (from {@code DISCORD_TOKEN}); never logged
     * @param dispatcher runs the commands
     * @param library    the live library, for topic autocomplete
     * @param renderer   renders replies and digests
     * @param clock      for the age of search paging buttons
     */
    public DiscordAdapter(PaperboyConfig.Discord config, String token, CommandDispatcher dispatcher,
                          LiveLibrary library, DiscordRenderer renderer, Clock clock) {
        this(config, token, dispatcher,
                () -> library.current().topics().stream().map(TopicSummary::name).toList(),
                renderer, clock, Duration.ofMillis(1500));
    }

    DiscordAdapter(PaperboyConfig.Discord config, String token, CommandDispatcher dispatcher,
                   Supplier<List<String>> topics, DiscordRenderer renderer, Clock clock, Duration deferAfter) {
        this.config = Objects.requireNonNull(config, "config");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the Discord adapter needs a bot token (DISCORD_TOKEN)");
        }
        this.token = token.strip();
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.searches = new TokenCache<>(2000, Duration.ofHours(6), clock);
        this.deferAfter = deferAfter;
        this.sender = new DiscordSender(() -> jda, Duration.ofSeconds(30));
    }

    /**
     * Connects, waits until Discord says the bot is ready, and registers the slash commands (globally,
     * and in {@code discord.dev-guild} when set) unless Discord already has these exact definitions.
     *
     * @throws IllegalStateException when Discord refuses the token or the connection fails
     */
    public synchronized void start() throws InterruptedException {
        if (jda != null) {
            throw new IllegalStateException("the Discord adapter is already started");
        }
        // JDA keeps this default globally; no message of ours should ever ping anyone.
        MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
        workers = Executors.newFixedThreadPool(4, daemon("paperboy-discord-worker"));
        timers = Executors.newSingleThreadScheduledExecutor(daemon("paperboy-discord-timer"));
        DiscordInteractions listener = new DiscordInteractions(dispatcher, renderer, new HashSet<>(config.admins()),
                topics, searches, workers, timers, deferAfter);
        JDABuilder builder = JDABuilder.createLight(token, EnumSet.noneOf(GatewayIntent.class))
                .setCompression(Compression.NONE)
                .addEventListeners(listener);
        if (config.apiUrl() != null) {
            builder.setRestConfig(new RestConfig().setBaseUrl(restBase(config.apiUrl())));
        }
        if (config.gatewayUrl() != null) {
            String gateway = config.gatewayUrl();
            builder.setSessionController(new SessionControllerAdapter() {
                @Override
                public String getGateway() {
                    return gateway;
                }
            });
        }
        JDA started;
        try {
            started = builder.build();
        } catch (InvalidTokenException e) {
            shutdownExecutors();
            throw new IllegalStateException("Discord refused the bot token in DISCORD_TOKEN; copy it again from the "
                    + "Bot page of your application in the Discord Developer Portal");
        } catch (RuntimeException e) {
            shutdownExecutors();
            throw new IllegalStateException("Could not connect to Discord: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage().replace(token, "***") + ")"));
        }
        jda = started;
        try {
            started.awaitReady();
        } catch (InterruptedException | RuntimeException e) {
            stop();
            throw e;
        }
        LOG.info("Discord connected as {} in {}", started.getSelfUser().getName(),
                PlainText.count(started.getGuilds().size(), "server"));
        registerCommands(started);
    }

    /** Disconnects from Discord; safe to call twice. */
    public synchronized void stop() {
        JDA running = jda;
        jda = null;
        if (running != null) {
            running.shutdown();
            try {
                if (!running.awaitShutdown(Duration.ofSeconds(5))) {
                    running.shutdownNow();
                }
            } catch (InterruptedException e) {
                running.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        shutdownExecutors();
    }

    @Override
    public void close() {
        stop();
    }

    /** The sender for the delivery engine; answers "not connected" while the adapter is stopped. */
    public DiscordSender sender() {
        return sender;
    }

    /** The digest formatter that goes with {@link #sender()}. */
    public DiscordDigestFormatter formatter() {
        return new DiscordDigestFormatter(renderer);
    }

    /** The running JDA, or null when stopped; for tests. */
    JDA jda() {
        return jda;
    }

    TokenCache<String> searches() {
        return searches;
    }

    private void registerCommands(JDA api) {
        List<SlashCommandData> wanted = DiscordCommandDefinitions.build(dispatcher.registry());
        register("globally", api.retrieveCommands(), api.updateCommands(), wanted);
        String devGuild = config.devGuild();
        if (devGuild != null && !devGuild.isBlank()) {
            Guild guild = api.getGuildById(devGuild);
            if (guild == null) {
                LOG.warn("discord.dev-guild {} is not a server this bot is in; commands there are not registered. "
                        + "Invite the bot to it or remove the setting.", devGuild);
            } else {
                register("in " + guild.getName(), guild.retrieveCommands(), guild.updateCommands(), wanted);
            }
        }
    }

    private static void register(String where, RestAction<List<Command>> retrieve, CommandListUpdateAction update,
                                 List<SlashCommandData> wanted) {
        try {
            Map<String, String> have = DiscordCommandDefinitions.signatures(
                    retrieve.complete().stream().map(CommandData::fromCommand).toList());
            Map<String, String> want = DiscordCommandDefinitions.signatures(wanted);
            if (have.equals(want)) {
                LOG.info("Discord slash commands {} are up to date ({})", where, want.size());
                return;
            }
            update.addCommands(wanted).complete();
            LOG.info("Registered {} Discord slash commands {}", wanted.size(), where);
        } catch (RuntimeException e) {
            LOG.error("Could not register the Discord slash commands {}: {}; the previous ones stay", where,
                    e.getMessage());
        }
    }

    private static String restBase(String apiUrl) {
        String base = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
        return base.matches(".*/api/v\\d+/$") ? base : base + "api/v10/";
    }

    private void shutdownExecutors() {
        if (workers != null) {
            workers.shutdown();
            timers.shutdownNow();
            try {
                workers.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            workers = null;
            timers = null;
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
