package dev.paperboy.discord;

import dev.paperboy.core.command.Platform;
import dev.paperboy.core.delivery.MessageSender;
import dev.paperboy.core.delivery.OutgoingMessage;
import dev.paperboy.core.delivery.SendOutcome;
import dev.paperboy.core.delivery.Target;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.Route;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.internal.requests.RestActionImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends delivery-engine messages into Discord channels and threads, one at a time and synchronously so
 * that a multi-message digest keeps its order. JDA keeps the per-route rate-limit buckets and retries a
 * 429 by itself; what still surfaces is mapped onto a {@link SendOutcome}.
 */
public final class DiscordSender implements MessageSender {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordSender.class);

    private final Supplier<JDA> jda;
    private final Duration timeout;

    /**
     * @param jda     the running JDA, or null while Discord is not connected
     * @param timeout how long one message may wait in JDA's rate-limit queue before it counts as throttled
     */
    public DiscordSender(Supplier<JDA> jda, Duration timeout) {
        this.jda = Objects.requireNonNull(jda, "jda");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Platform platform() {
        return Platform.DISCORD;
    }

    @Override
    public SendOutcome send(Target target, OutgoingMessage message) {
        if (target.platform() != Platform.DISCORD) {
            throw new IllegalArgumentException("not a Discord target: " + target);
        }
        DiscordMessage discordMessage;
        try {
            discordMessage = DiscordPayloads.fromOutgoing(message);
        } catch (IllegalArgumentException e) {
            return new SendOutcome.Rejected(e.getMessage());
        }
        String channelId = target.threadId() != null ? target.threadId() : target.chatId();
        if (!channelId.matches("\\d{1,20}")) {
            return new SendOutcome.TargetGone("\"" + channelId + "\" is not a Discord channel id");
        }
        JDA api = jda.get();
        if (api == null || api.getStatus() == JDA.Status.SHUTDOWN || api.getStatus() == JDA.Status.SHUTTING_DOWN) {
            return new SendOutcome.TransientFailure("Discord is not connected");
        }
        MessageCreateData data = DiscordMessages.create(discordMessage);
        DataObject body = data.toData();
        // A raw route rather than channel.sendMessage(): archived threads and channels JDA has not cached
        // are still valid targets, and this way the delivery engine never depends on the cache.
        RestActionImpl<String> post = new RestActionImpl<>(api, Route.Messages.SEND_MESSAGE.compile(channelId), body,
                (response, request) -> response.getObject().getString("id"));
        try {
            String id = post.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).complete(true);
            return new SendOutcome.Sent(id);
        } catch (RateLimitedException e) {
            return new SendOutcome.RetryAfter(Duration.ofMillis(Math.max(0, e.getRetryAfter())));
        } catch (ErrorResponseException e) {
            return mapError(channelId, e);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof TimeoutException || e instanceof java.util.concurrent.CancellationException) {
                return new SendOutcome.TransientFailure("Discord did not take the message within " + timeout.toSeconds()
                        + " s (rate limited or slow)");
            }
            LOG.warn("Sending to Discord channel {} failed", channelId, e);
            return new SendOutcome.TransientFailure("sending failed: " + e.getClass().getSimpleName());
        }
    }

    private static SendOutcome mapError(String channelId, ErrorResponseException e) {
        int status = e.getResponse() == null ? 0 : e.getResponse().code;
        String reason = e.getErrorCode() + " " + e.getMeaning();
        switch (e.getErrorCode()) {
            case 10003, 50001, 50013, 10004 -> {
                return new SendOutcome.TargetGone("Discord channel " + channelId + ": " + reason);
            }
            default -> {
            }
        }
        if (e.isServerError() || status >= 500 || e.getErrorCode() == -1 || status == 401) {
            return new SendOutcome.TransientFailure("Discord answered " + (status == 0 ? "no response" : status) + ": " + reason);
        }
        if (status == 429) {
            return new SendOutcome.RetryAfter(Duration.ofSeconds(1));
        }
        if (status == 404) {
            return new SendOutcome.TargetGone("Discord channel " + channelId + ": " + reason);
        }
        return new SendOutcome.Rejected("Discord refused the message (" + status + "): " + reason);
    }
}
