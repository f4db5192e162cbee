package dev.paperboy.discord;

import java.util.List;
import java.util.Objects;

/**
 * One Discord message as Paperboy renders it: Markdown content and embeds, within Discord's limits
 * (content 2000 characters, 10 embeds, 6000 characters across all embeds), checked here so an
 * over-long message fails in our code rather than at Discord. The adapter sends it with
 * allowed-mentions none.
 *
 * @param content Markdown text, possibly empty when there are embeds
 * @param embeds  the embeds, possibly empty when there is content
 */
public record DiscordMessage(String content, List<DiscordEmbed> embeds) {

    public static final int MAX_CONTENT = 2000;
    public static final int MAX_EMBEDS = 10;

    public DiscordMessage {
        content = Objects.requireNonNullElse(content, "");
        embeds = List.copyOf(embeds == null ? List.of() : embeds);
        if (content.length() > MAX_CONTENT) {
            throw new IllegalArgumentException(
                    "Discord message content has at most " + MAX_CONTENT + " characters: " + content.length());
        }
        if (embeds.size() > MAX_EMBEDS) {
            throw new IllegalArgumentException("a Discord message has at most " + MAX_EMBEDS + " embeds: " + embeds.size());
        }
        int total = embeds.stream().mapToInt(DiscordEmbed::characterCount).sum();
        if (total > DiscordEmbed.MAX_TOTAL) {
            throw new IllegalArgumentException(
                    "the embeds of a Discord message have at most " + DiscordEmbed.MAX_TOTAL + " characters: " + total);
        }
        if (content.isBlank() && embeds.isEmpty()) {
            throw new IllegalArgumentException("a Discord message needs content or an embed");
        }
    }

    /** A message with text only. */
    public static DiscordMessage text(String content) {
        return new DiscordMessage(content, List.of());
    }
}
