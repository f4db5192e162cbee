package dev.paperboy.core.command;

import java.util.regex.Pattern;

/**
 * One argument a command takes, described so that platforms with typed options (Discord slash
 * commands) can offer it. In text form the options come in this order, separated by spaces.
 */
public record CommandOption(String name, String description, boolean required, Kind kind) {

    /** What kind of value the option holds, for typed platforms and autocomplete. */
    public enum Kind { TEXT, TOPIC, DATE, PAPER_ID }

    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,32}");

    public CommandOption {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("option names are 1-32 of [a-z0-9_-]: " + name);
        }
        if (description.isEmpty() || description.length() > 100) {
            throw new IllegalArgumentException("option descriptions are 1-100 characters: " + name);
        }
    }
}
