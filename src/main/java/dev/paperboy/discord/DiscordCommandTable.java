package dev.paperboy.discord;

import dev.paperboy.core.command.Command;
import dev.paperboy.core.command.CommandOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;

/**
 * What Discord adds to the platform-neutral commands, in one place: options that only a typed command
 * menu needs (a result page, a delivery time, a channel) and the member permission each command asks for.
 * A command not listed here still appears on Discord, with its own options.
 */
final class DiscordCommandTable {

    /** How an extra option's value reaches the core command. */
    enum Use {
        /** The result page of {@code CommandRequest.page()}. */
        PAGE,
        /** Appended to the arguments as {@code prefix value}, e.g. {@code at 08:00}. */
        SUFFIX,
        /** The channel the command acts on instead of the one it was typed in. */
        TARGET_CHANNEL
    }

    /** The option types this table uses. */
    enum Type { INTEGER, STRING, TIMEZONE, CHANNEL }

    /**
     * One extra option: its Discord name, description and type, and how its value is passed on.
     * {@code replaces} names the core option it stands in for, or is null: the core's {@code at} and
     * {@code tz} are keywords in the text form ({@code at 08:00}), so on Discord they are offered once, as
     * the typed {@code time} and {@code timezone}, and never passed on by position.
     */
    record Extra(String name, String description, Type type, Use use, String prefix, String replaces) {
    }

    static final Map<String, List<Extra>> EXTRAS = Map.of(
            "search", List.of(new Extra("page", "Which page of results (default 1)", Type.INTEGER, Use.PAGE, null,
                    null)),
            "subscribe", List.of(
                    new Extra("time", "Local delivery time as HH:mm, e.g. 08:30", Type.STRING, Use.SUFFIX, "at", "at"),
                    new Extra("timezone", "IANA timezone, e.g. Europe/Berlin", Type.TIMEZONE, Use.SUFFIX, "tz", "tz"),
                    new Extra("from", "Also send older papers, from this date (YYYY-MM-DD)", Type.STRING, Use.SUFFIX,
                            "since", "since"),
                    new Extra("channel", "The channel to deliver to (default: this one)", Type.CHANNEL,
                            Use.TARGET_CHANNEL, null, null)));

    /** Commands that change a channel's subscriptions; hidden from and refused to members without it. */
    private static final List<String> CHANNEL_MANAGERS = List.of("subscribe", "unsubscribe", "pause", "resume");

    private DiscordCommandTable() {
    }

    static List<Extra> extras(String command) {
        return EXTRAS.getOrDefault(command, List.of());
    }

    /** The command's own options that Discord offers as they are: all but those an extra stands in for. */
    static List<CommandOption> coreOptions(Command command) {
        List<String> replaced = extras(command.name()).stream().map(Extra::replaces).filter(r -> r != null).toList();
        return command.options().stream().filter(o -> !replaced.contains(o.name())).toList();
    }

    /**
     * The permission a member needs for the command: Manage Server for admin commands (reload, status,
     * deliver, and any later admin-only command), Manage Channels for subscription changes.
     */
    static Optional<Permission> requiredPermission(Command command) {
        if (command.adminOnly() || List.of("reload", "status", "deliver").contains(command.name())) {
            return Optional.of(Permission.MANAGE_SERVER);
        }
        if (CHANNEL_MANAGERS.contains(command.name())) {
            return Optional.of(Permission.MANAGE_CHANNEL);
        }
        return Optional.empty();
    }
}
