package dev.paperboy.discord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.core.command.Command;
import dev.paperboy.core.command.CommandOption;
import dev.paperboy.core.command.CommandRegistry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slash commands Paperboy registers, generated from the command registry plus
 * {@link DiscordCommandTable}, and a comparable signature so unchanged definitions are not re-registered.
 */
final class DiscordCommandDefinitions {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordCommandDefinitions.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_OPTIONS = 25;

    private DiscordCommandDefinitions() {
    }

    static List<SlashCommandData> build(CommandRegistry registry) {
        List<SlashCommandData> result = new ArrayList<>();
        for (Command command : registry.all()) {
            result.add(build(command));
        }
        return result;
    }

    static SlashCommandData build(Command command) {
        SlashCommandData data = Commands.slash(command.name(), shorten(command.description()));
        List<OptionData> options = new ArrayList<>();
        for (CommandOption option : DiscordCommandTable.coreOptions(command)) {
            options.add(new OptionData(OptionType.STRING, option.name(), shorten(option.description()),
                    option.required(), option.kind() == CommandOption.Kind.TOPIC));
        }
        for (DiscordCommandTable.Extra extra : DiscordCommandTable.extras(command.name())) {
            options.add(switch (extra.type()) {
                case INTEGER -> new OptionData(OptionType.INTEGER, extra.name(), extra.description(), false)
                        .setRequiredRange(1, 10_000);
                case STRING -> new OptionData(OptionType.STRING, extra.name(), extra.description(), false)
                        .setMaxLength(20);
                case TIMEZONE -> new OptionData(OptionType.STRING, extra.name(), extra.description(), false, true)
                        .setMaxLength(64);
                case CHANNEL -> new OptionData(OptionType.CHANNEL, extra.name(), extra.description(), false)
                        .setChannelTypes(ChannelType.TEXT, ChannelType.NEWS, ChannelType.GUILD_PUBLIC_THREAD,
                                ChannelType.GUILD_PRIVATE_THREAD, ChannelType.GUILD_NEWS_THREAD);
            });
        }
        // Discord wants required options first; the text form keeps the core's order regardless.
        options.sort(Comparator.comparing(o -> !o.isRequired()));
        if (options.size() > MAX_OPTIONS) {
            LOG.warn("/{} has {} options; Discord shows the first {}", command.name(), options.size(), MAX_OPTIONS);
            options = options.subList(0, MAX_OPTIONS);
        }
        data.addOptions(options);
        Optional<Permission> permission = DiscordCommandTable.requiredPermission(command);
        if (permission.isPresent()) {
            data.setDefaultPermissions(DefaultMemberPermissions.enabledFor(permission.get()));
            data.setContexts(InteractionContextType.GUILD);
        } else {
            data.setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM);
        }
        data.setIntegrationTypes(IntegrationType.GUILD_INSTALL);
        return data;
    }

    /**
     * What Discord keeps of a set of commands, in a form where equal definitions compare equal whichever
     * side (ours, or what {@code retrieveCommands} returned) they came from.
     */
    static Map<String, String> signatures(List<? extends CommandData> commands) {
        Map<String, String> result = new TreeMap<>();
        for (CommandData command : commands) {
            result.put(command.getName(), canonical(command.toData().toJson()));
        }
        return result;
    }

    static String canonical(byte[] json) {
        try {
            return canonical(JSON.readValue(json, Object.class));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("command JSON unreadable", e);
        }
    }

    private static String canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, String> sorted = new TreeMap<>();
            map.forEach((k, v) -> {
                if (v != null && !(v instanceof Map<?, ?> m && m.isEmpty())) {
                    sorted.put(String.valueOf(k), canonical(v));
                }
            });
            return sorted.toString();
        }
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(item -> items.add(canonical(item)));
            return items.toString();
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    private static String shorten(String text) {
        return text.length() <= 100 ? text : text.substring(0, 99) + "…";
    }
}
