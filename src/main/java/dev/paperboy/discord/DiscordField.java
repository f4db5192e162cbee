package dev.paperboy.discord;

/**
 * One name/value field of a {@link DiscordEmbed}, within Discord's limits: a name of 1-256 and a value
 * of 1-1024 characters (counted in UTF-16 units, never fewer than Discord counts).
 *
 * @param inline whether Discord may show the field beside its neighbours
 */
public record DiscordField(String name, String value, boolean inline) {

    public static final int MAX_NAME = 256;
    public static final int MAX_VALUE = 1024;

    public DiscordField {
        DiscordLimits.requireText("field name", name, MAX_NAME);
        DiscordLimits.requireText("field value", value, MAX_VALUE);
    }

    /** Characters this field adds to its embed's total. */
    public int characterCount() {
        return name.length() + value.length();
    }
}
