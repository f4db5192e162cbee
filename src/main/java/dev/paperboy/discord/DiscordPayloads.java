package dev.paperboy.discord;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.core.delivery.OutgoingMessage;

/**
 * The outbox form of a Discord message: the JSON of one {@link DiscordMessage}, written by
 * {@link DiscordDigestFormatter} and read back by {@link DiscordSender}.
 */
public final class DiscordPayloads {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private DiscordPayloads() {
    }

    /** The message as an outbox payload carrying {@code papers} papers of a digest. */
    public static OutgoingMessage toOutgoing(DiscordMessage message, int papers) {
        try {
            return new OutgoingMessage(JSON.writeValueAsString(message), papers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a Discord message as JSON", e);
        }
    }

    /**
     * The message in an outgoing payload.
     *
     * @throws IllegalArgumentException when the payload is not a valid Discord message (wrong format or over a limit)
     */
    public static DiscordMessage fromOutgoing(OutgoingMessage message) {
        try {
            return JSON.readValue(message.payload(), DiscordMessage.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new IllegalArgumentException("not a Discord message payload: " + cause.getMessage(), e);
        }
    }
}
