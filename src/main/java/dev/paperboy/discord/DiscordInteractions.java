package dev.paperboy.discord;

import dev.paperboy.core.command.TokenCache;
import dev.paperboy.core.command.Caller;
import dev.paperboy.core.command.Command;
import dev.paperboy.core.command.CommandDispatcher;
import dev.paperboy.core.command.CommandOption;
import dev.paperboy.core.command.CommandRequest;
import dev.paperboy.core.command.ErrorReply;
import dev.paperboy.core.command.Platform;
import dev.paperboy.core.command.Reply;
import dev.paperboy.core.command.SearchReply;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.Channel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.Command.Choice;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.requests.RestAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers Discord interactions: slash commands through the core's dispatcher, topic and timezone
 * autocomplete, and search paging buttons. Every interaction is acknowledged in time: the reply goes out
 * directly when the command is fast, otherwise the interaction is deferred and the reply follows.
 * Errors and refusals are ephemeral.
 */
final class DiscordInteractions extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordInteractions.class);
    private static final int MAX_CHOICES = 25;
    static final String EXPIRED = "This result has expired, search again with /search.";

    private final CommandDispatcher dispatcher;
    private final DiscordRenderer renderer;
    private final Set<String> admins;
    private final Supplier<List<String>> topics;
    private final TokenCache<String> searches;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private final Duration deferAfter;
    private final List<String> zones;

    DiscordInteractions(CommandDispatcher dispatcher, DiscordRenderer renderer, Set<String> admins,
                        Supplier<List<String>> topics, TokenCache<String> searches, ExecutorService workers,
                        ScheduledExecutorService timers, Duration deferAfter) {
        this.dispatcher = dispatcher;
        this.renderer = renderer;
        this.admins = Set.copyOf(admins);
        this.topics = topics;
        this.searches = searches;
        this.workers = workers;
        this.timers = timers;
        this.deferAfter = deferAfter;
        this.zones = ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") || z.equals("UTC"))
                .filter(z -> !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted().toList();
    }

    // ---- slash commands

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        Optional<Command> found = dispatcher.registry().find(event.getName());
        if (found.isEmpty()) {
            refuse(event, "I don't know /" + event.getName() + " any more; Discord may still show an old command "
                    + "list. Type /help to see what I can do.");
            return;
        }
        Command command = found.get();
        GuildChannel target = null;
        for (DiscordCommandTable.Extra extra : DiscordCommandTable.extras(command.name())) {
            OptionMapping value = event.getOption(extra.name());
            if (value != null && extra.use() == DiscordCommandTable.Use.TARGET_CHANNEL) {
                target = value.getAsChannel();
            }
        }
        if (target == null && event.isFromGuild()) {
            target = event.getGuildChannel();
        }
        Caller caller = caller(event, target);
        Optional<Permission> needed = DiscordCommandTable.requiredPermission(command);
        if (needed.isPresent() && needed.get() == Permission.MANAGE_SERVER && !caller.admin()) {
            refuse(event, "/" + command.name() + " is for bot admins and members with the Manage Server permission.");
            return;
        }
        if (needed.isPresent() && needed.get() == Permission.MANAGE_CHANNEL && !caller.chatAdmin()) {
            refuse(event, "/" + command.name() + " needs the Manage Channels permission in "
                    + (target == null ? "this channel" : "#" + target.getName()) + ".");
            return;
        }
        if (DiscordCommandTable.extras(command.name()).stream()
                .anyMatch(e -> e.use() == DiscordCommandTable.Use.TARGET_CHANNEL) && target != null) {
            Optional<String> missing = missingBotPermissions(target);
            if (missing.isPresent()) {
                refuse(event, missing.get());
                return;
            }
        }
        CommandRequest request = request(command, event);
        boolean privateAnswer = command.adminOnly() || needed.map(p -> p == Permission.MANAGE_SERVER).orElse(false);
        answer(new SlashResponder(event, privateAnswer), () -> dispatcher.dispatch(request, caller), null);
    }

    private CommandRequest request(Command command, SlashCommandInteractionEvent event) {
        List<String> parts = new ArrayList<>();
        for (CommandOption option : DiscordCommandTable.coreOptions(command)) {
            OptionMapping value = event.getOption(option.name());
            if (value != null && !value.getAsString().isBlank()) {
                parts.add(value.getAsString().strip());
            }
        }
        int page = 1;
        for (DiscordCommandTable.Extra extra : DiscordCommandTable.extras(command.name())) {
            OptionMapping value = event.getOption(extra.name());
            if (value == null) {
                continue;
            }
            switch (extra.use()) {
                case PAGE -> page = (int) Math.max(1, Math.min(10_000, value.getAsLong()));
                case SUFFIX -> {
                    if (!value.getAsString().isBlank()) {
                        parts.add(extra.prefix() + " " + value.getAsString().strip());
                    }
                }
                case TARGET_CHANNEL -> {
                }
            }
        }
        return new CommandRequest(command.name(), String.join(" ", parts), page);
    }

    /** Names what the bot lacks to post digests into the channel, or empty when it has it all. */
    static Optional<String> missingBotPermissions(GuildChannel channel) {
        Member self = channel.getGuild().getSelfMember();
        boolean thread = channel.getType().isThread();
        List<Permission> needed = List.of(Permission.VIEW_CHANNEL,
                thread ? Permission.MESSAGE_SEND_IN_THREADS : Permission.MESSAGE_SEND, Permission.MESSAGE_EMBED_LINKS);
        List<String> missing = needed.stream().filter(p -> !self.hasPermission(channel, p)).map(Permission::getName)
                .toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("I can't deliver digests to #" + channel.getName() + ": I am missing the "
                + String.join(", ", missing) + (missing.size() == 1 ? " permission" : " permissions")
                + " there. Ask a server admin to grant " + (missing.size() == 1 ? "it" : "them")
                + " to Paperboy, then subscribe again.");
    }

    private Caller caller(Interaction interaction, GuildChannel target) {
        Member member = interaction.getMember();
        String userId = interaction.getUser().getId();
        boolean privateChat = interaction.getGuild() == null;
        boolean admin = admins.contains(userId) || (member != null && member.hasPermission(Permission.MANAGE_SERVER));
        boolean chatAdmin = member != null && target != null && member.hasPermission(target, Permission.MANAGE_CHANNEL);
        Channel channel = interaction.getChannel();
        String chatId = target != null ? target.getId()
                : channel != null ? channel.getId() : Long.toUnsignedString(interaction.getChannelIdLong());
        return new Caller(Platform.DISCORD, chatId, userId, admin, chatAdmin, privateChat);
    }

    // ---- search paging buttons

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        Map.Entry<String, Integer> button = SearchButtons.parse(event.getComponentId());
        if (button == null) {
            refuse(event, "This button is not mine any more; run the command again.");
            return;
        }
        Optional<String> query = searches.get(button.getKey());
        if (query.isEmpty()) {
            refuse(event, EXPIRED);
            return;
        }
        GuildChannel channel = event.isFromGuild() ? event.getGuildChannel() : null;
        Caller caller = caller(event, channel);
        CommandRequest request = new CommandRequest("search", query.get(), Math.max(1, button.getValue()));
        answer(new ButtonResponder(event), () -> dispatcher.dispatch(request, caller), button.getKey());
    }

    // ---- autocomplete

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        String option = event.getFocusedOption().getName();
        String typed = event.getFocusedOption().getValue();
        Optional<Command> command = dispatcher.registry().find(event.getName());
        List<String> candidates = List.of();
        if (command.isPresent()) {
            boolean topic = command.get().options().stream()
                    .anyMatch(o -> o.name().equals(option) && o.kind() == CommandOption.Kind.TOPIC);
            boolean zone = DiscordCommandTable.extras(command.get().name()).stream()
                    .anyMatch(e -> e.name().equals(option) && e.type() == DiscordCommandTable.Type.TIMEZONE);
            if (topic) {
                candidates = topics.get();
            } else if (zone) {
                candidates = zones;
            }
        }
        List<Choice> choices = filter(candidates, typed).stream().map(c -> new Choice(c, c)).toList();
        event.replyChoices(choices).queue(null, failure -> LOG.debug("Autocomplete answer failed: {}", failure.toString()));
    }

    /** At most 25 candidates containing what was typed (case, spaces and underscores aside), prefix matches first. */
    static List<String> filter(List<String> candidates, String typed) {
        String wanted = fold(typed);
        return candidates.stream()
                .filter(c -> c.length() <= 100)
                .filter(c -> fold(c).contains(wanted))
                .sorted(Comparator.comparing((String c) -> !fold(c).startsWith(wanted))
                        .thenComparing(c -> !Stream.of(fold(c).split("[ /]")).anyMatch(w -> w.startsWith(wanted)))
                        .thenComparing(String.CASE_INSENSITIVE_ORDER))
                .limit(MAX_CHOICES)
                .toList();
    }

    private static String fold(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", " ");
    }

    // ---- answering within three seconds

    /** One rendered message with its components. */
    record Outgoing(DiscordMessage message, List<ActionRow> rows) {
    }

    /** How one kind of interaction is answered: at once, by deferring, and after deferring. */
    interface Responder {
        void replyNow(List<Outgoing> messages, boolean ephemeral);

        void defer();

        void followUp(List<Outgoing> messages, boolean ephemeral);
    }

    /** Sends the reply directly when the command finishes in time, else defers first and follows up. */
    private void answer(Responder responder, Supplier<Reply> run, String searchToken) {
        Exchange exchange = new Exchange(responder);
        ScheduledFuture<?> timer = timers.schedule(exchange::deferIfPending, deferAfter.toMillis(), TimeUnit.MILLISECONDS);
        try {
            workers.execute(() -> {
                List<Outgoing> messages;
                boolean ephemeral;
                try {
                    Reply reply = run.get();
                    ephemeral = reply instanceof ErrorReply;
                    messages = outgoing(reply, searchToken);
                } catch (RuntimeException e) {
                    LOG.error("Answering an interaction failed", e);
                    ephemeral = true;
                    messages = outgoing(new ErrorReply("Sorry, that failed on my side. Please try again in a moment."),
                            null);
                }
                timer.cancel(false);
                exchange.finish(messages, ephemeral);
            });
        } catch (RejectedExecutionException e) {
            timer.cancel(false);
            exchange.finish(outgoing(new ErrorReply("I am shutting down; please try again in a minute."), null), true);
        }
    }

    private List<Outgoing> outgoing(Reply reply, String searchToken) {
        List<DiscordMessage> rendered = renderer.render(reply);
        List<Outgoing> result = new ArrayList<>();
        for (DiscordMessage message : rendered) {
            result.add(new Outgoing(message, List.of()));
        }
        if (reply instanceof SearchReply search && search.page().pageCount() > 1) {
            String token = searchToken != null ? searchToken : searches.put(search.page().query());
            int page = search.page().page();
            int pages = search.page().pageCount();
            ActionRow row = ActionRow.of(
                    Button.secondary(SearchButtons.id(token, Math.max(page - 1, 0)), "◀ Previous")
                            .withDisabled(page <= 1),
                    Button.secondary("pb:i:" + token, page + " / " + pages).withDisabled(true),
                    Button.secondary(SearchButtons.id(token, page + 1), "Next ▶").withDisabled(page >= pages));
            Outgoing last = result.remove(result.size() - 1);
            result.add(new Outgoing(last.message(), List.of(row)));
        }
        return result;
    }

    private void refuse(net.dv8tion.jda.api.interactions.callbacks.IReplyCallback event, String message) {
        List<DiscordMessage> rendered = renderer.render(new ErrorReply(message));
        RestAction<?> chain = event.reply(DiscordMessages.create(rendered.get(0))).setEphemeral(true);
        for (DiscordMessage more : rendered.subList(1, rendered.size())) {
            chain = then(chain, () -> event.getHook().sendMessage(DiscordMessages.create(more)).setEphemeral(true));
        }
        chain.queue(null, failure -> LOG.warn("Could not refuse an interaction: {}", failure.toString()));
    }

    private static RestAction<?> then(RestAction<?> first, Supplier<RestAction<?>> next) {
        return first.flatMap(ignored -> next.get());
    }

    private static void queue(RestAction<?> action, String what) {
        action.queue(null, failure -> LOG.warn("Could not {}: {}", what, failure.toString()));
    }

    /** The acknowledgement state of one interaction; both the timer and the worker go through it. */
    private static final class Exchange {
        private final Responder responder;
        private boolean deferred;
        private boolean finished;

        Exchange(Responder responder) {
            this.responder = responder;
        }

        synchronized void deferIfPending() {
            if (!finished && !deferred) {
                deferred = true;
                responder.defer();
            }
        }

        synchronized void finish(List<Outgoing> messages, boolean ephemeral) {
            if (finished) {
                return;
            }
            finished = true;
            if (deferred) {
                responder.followUp(messages, ephemeral);
            } else {
                responder.replyNow(messages, ephemeral);
            }
        }
    }

    private static final class SlashResponder implements Responder {
        private final SlashCommandInteractionEvent event;
        private final boolean ephemeralDefer;

        SlashResponder(SlashCommandInteractionEvent event, boolean ephemeralDefer) {
            this.event = event;
            this.ephemeralDefer = ephemeralDefer;
        }

        @Override
        public void replyNow(List<Outgoing> messages, boolean ephemeral) {
            boolean hidden = ephemeral || ephemeralDefer;
            Outgoing first = messages.get(0);
            RestAction<?> chain = event.reply(DiscordMessages.create(first.message(), first.rows())).setEphemeral(hidden);
            queue(followUps(chain, event.getHook(), messages.subList(1, messages.size()), hidden), "answer /" + event.getName());
        }

        @Override
        public void defer() {
            queue(event.deferReply(ephemeralDefer), "defer /" + event.getName());
        }

        @Override
        public void followUp(List<Outgoing> messages, boolean ephemeral) {
            InteractionHook hook = event.getHook();
            RestAction<?> chain;
            List<Outgoing> rest;
            if (ephemeral && !ephemeralDefer) {
                // The deferred answer is public and cannot turn private: remove it and answer privately.
                chain = hook.deleteOriginal();
                rest = messages;
            } else {
                Outgoing first = messages.get(0);
                chain = hook.editOriginal(DiscordMessages.edit(first.message(), first.rows()));
                rest = messages.subList(1, messages.size());
            }
            queue(followUps(chain, hook, rest, ephemeral || ephemeralDefer), "follow up /" + event.getName());
        }
    }

    private static final class ButtonResponder implements Responder {
        private final ButtonInteractionEvent event;

        ButtonResponder(ButtonInteractionEvent event) {
            this.event = event;
        }

        @Override
        public void replyNow(List<Outgoing> messages, boolean ephemeral) {
            Outgoing first = messages.get(0);
            RestAction<?> chain;
            if (ephemeral || messages.size() > 1) {
                chain = event.reply(DiscordMessages.create(first.message(), first.rows())).setEphemeral(ephemeral);
            } else {
                chain = event.editMessage(DiscordMessages.edit(first.message(), first.rows()));
            }
            queue(followUps(chain, event.getHook(), messages.subList(1, messages.size()), ephemeral), "answer a button");
        }

        @Override
        public void defer() {
            queue(event.deferEdit(), "defer a button");
        }

        @Override
        public void followUp(List<Outgoing> messages, boolean ephemeral) {
            InteractionHook hook = event.getHook();
            if (!ephemeral && messages.size() == 1) {
                Outgoing only = messages.get(0);
                queue(hook.editOriginal(DiscordMessages.edit(only.message(), only.rows())), "page a search");
                return;
            }
            Outgoing first = messages.get(0);
            RestAction<?> chain = hook.sendMessage(DiscordMessages.create(first.message(), first.rows()))
                    .setEphemeral(ephemeral);
            queue(followUps(chain, hook, messages.subList(1, messages.size()), ephemeral), "page a search");
        }
    }

    private static RestAction<?> followUps(RestAction<?> first, InteractionHook hook, List<Outgoing> rest,
                                           boolean ephemeral) {
        RestAction<?> chain = first;
        for (Outgoing next : rest) {
            chain = then(chain, () -> hook.sendMessage(DiscordMessages.create(next.message(), next.rows()))
                    .setEphemeral(ephemeral));
        }
        return chain;
    }
}
