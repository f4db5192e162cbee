package dev.paperboy.discord;

import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/** Maps Paperboy's Discord message records to JDA's, always with allowed mentions none. */
final class DiscordMessages {

    private DiscordMessages() {
    }

    static MessageEmbed embed(DiscordEmbed embed) {
        EmbedBuilder builder = new EmbedBuilder();
        if (embed.title() != null) {
            builder.setTitle(embed.title(), embed.url());
        }
        if (embed.description() != null) {
            builder.setDescription(embed.description());
        }
        for (DiscordField field : embed.fields()) {
            builder.addField(field.name(), field.value(), field.inline());
        }
        if (embed.footer() != null) {
            builder.setFooter(embed.footer());
        }
        return builder.build();
    }

    static MessageCreateData create(DiscordMessage message, List<ActionRow> rows) {
        MessageCreateBuilder builder = new MessageCreateBuilder()
                .setContent(message.content())
                .setEmbeds(message.embeds().stream().map(DiscordMessages::embed).toList())
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
        if (!rows.isEmpty()) {
            builder.setComponents(rows);
        }
        return builder.build();
    }

    static MessageCreateData create(DiscordMessage message) {
        return create(message, List.of());
    }

    /** An edit that replaces the whole message: content, embeds and components. */
    static MessageEditData edit(DiscordMessage message, List<ActionRow> rows) {
        return new MessageEditBuilder()
                .setContent(message.content())
                .setEmbeds(message.embeds().stream().map(DiscordMessages::embed).toList())
                .setComponents(rows)
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .setReplace(true)
                .build();
    }
}
