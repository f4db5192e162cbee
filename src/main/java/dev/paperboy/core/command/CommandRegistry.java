package dev.paperboy.core.command;

import dev.paperboy.core.LiveLibrary;
import dev.paperboy.core.SearchIndex;
import dev.paperboy.core.StatusContributor;
import dev.paperboy.core.delivery.Subscriptions;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The commands every adapter offers, by name. */
public final class CommandRegistry {

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,32}");

    private final Map<String, Command> commands;

    public CommandRegistry(List<Command> commands) {
        Map<String, Command> byName = new LinkedHashMap<>();
        for (Command command : commands) {
            if (!NAME.matcher(command.name()).matches()) {
                throw new IllegalArgumentException("command names are 1-32 of [a-z0-9_]: " + command.name());
            }
            if (command.description().isEmpty() || command.description().length() > 100) {
                throw new IllegalArgumentException("descriptions are 1-100 characters: /" + command.name());
            }
            if (byName.put(command.name(), command) != null) {
                throw new IllegalArgumentException("two commands are called /" + command.name());
            }
        }
        this.commands = Collections.unmodifiableMap(byName);
    }

    /** The standard command set without subscriptions, for tools and tests that have no store. */
    public static CommandRegistry standard(LiveLibrary library, SearchIndex search, Clock clock, ZoneId zone,
                                           int pageSize) {
        return standard(library, search, clock, zone, pageSize, null);
    }

    /**
     * The standard command set: the one place a new command is registered. With {@code subscriptions}
     * null the subscription commands are left out.
     */
    public static CommandRegistry standard(LiveLibrary library, SearchIndex search, Clock clock, ZoneId zone,
                                           int pageSize, Subscriptions subscriptions) {
        return standard(library, search, clock, zone, pageSize, subscriptions, List.of());
    }

    /** The standard command set, with {@code statusContributors} adding their lines to {@code /status}. */
    public static CommandRegistry standard(LiveLibrary library, SearchIndex search, Clock clock, ZoneId zone,
                                           int pageSize, Subscriptions subscriptions,
                                           List<StatusContributor> statusContributors) {
        List<Command> list = new ArrayList<>();
        CommandRegistry[] self = new CommandRegistry[1];
        list.add(new HelpCommand(() -> self[0].all()));
        list.add(new SearchCommand(search, pageSize));
        list.add(new LatestCommand(library));
        list.add(new DigestCommand(library, clock, zone));
        list.add(new PaperCommand(library, search));
        list.add(new TopicsCommand(library));
        list.add(new ReloadCommand(library));
        list.add(new StatusCommand(library, clock, subscriptions, statusContributors));
        if (subscriptions != null) {
            list.add(new SubscribeCommand(subscriptions, library, search));
            list.add(new UnsubscribeCommand(subscriptions));
            list.add(new SubscriptionsCommand(subscriptions));
            list.add(new PauseCommand(subscriptions, true));
            list.add(new PauseCommand(subscriptions, false));
            list.add(new DeliverCommand(subscriptions));
        }
        self[0] = new CommandRegistry(list);
        return self[0];
    }

    public List<Command> all() {
        return List.copyOf(commands.values());
    }

    public Optional<Command> find(String name) {
        return Optional.ofNullable(commands.get(name));
    }
}
