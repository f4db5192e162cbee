package dev.paperboy.discord;

import java.util.List;

/**
 * One Discord embed as Paperboy renders it, independent of any Discord library; the adapter maps it
 * to the library's builder. Absent parts are null. The constructor enforces Discord's limits: title
 * 256, description 4096, 25 fields, footer 2048 characters, and at most 6000 characters in all.
 *
 * @param title       shown in bold, with inline Markdown rendered (emphasis, code, masked links); null for none
 * @param url         where the title links to (http or https), only with a title; null for none
 * @param description Markdown text under the title; null for none
 * @param fields      name/value fields, possibly empty
 * @param footer      small plain text at the bottom; null for none
 */
public record DiscordEmbed(String title, String url, String description, List<DiscordField> fields, String footer) {

    public static final int MAX_TITLE = 256;
    public static final int MAX_DESCRIPTION = 4096;
    public static final int MAX_FIELDS = 25;
    public static final int MAX_FOOTER = 2048;
    /** The most characters of titles, descriptions, fields and footers in one embed, and in one message. */
    public static final int MAX_TOTAL = 6000;

    public DiscordEmbed {
        DiscordLimits.requireOptional("embed title", title, MAX_TITLE);
        DiscordLimits.requireOptional("embed description", description, MAX_DESCRIPTION);
        DiscordLimits.requireOptional("embed footer", footer, MAX_FOOTER);
        fields = List.copyOf(fields == null ? List.of() : fields);
        if (fields.size() > MAX_FIELDS) {
            throw new IllegalArgumentException("a Discord embed has at most " + MAX_FIELDS + " fields: " + fields.size());
        }
        if (url != null && (title == null || !url.matches("https?://\\S+"))) {
            throw new IllegalArgumentException("an embed url must be http(s) and needs a title: " + url);
        }
        if (title == null && description == null && fields.isEmpty() && footer == null) {
            throw new IllegalArgumentException("a Discord embed must show something");
        }
        int total = count(title, description, fields, footer);
        if (total > MAX_TOTAL) {
            throw new IllegalArgumentException("a Discord embed has at most " + MAX_TOTAL + " characters: " + total);
        }
    }

    /** The characters Discord counts towards the 6000 per message: title, description, fields, footer. */
    public int characterCount() {
        return count(title, description, fields, footer);
    }

    private static int count(String title, String description, List<DiscordField> fields, String footer) {
        return length(title) + length(description) + length(footer)
                + fields.stream().mapToInt(DiscordField::characterCount).sum();
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
