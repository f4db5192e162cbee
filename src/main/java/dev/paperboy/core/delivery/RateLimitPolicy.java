package dev.paperboy.core.delivery;

import dev.paperboy.core.command.Platform;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The send limits of one platform: over all its chats, per chat, and additionally per group chat.
 * Which chats are groups is the platform's rule: on Telegram, groups have negative chat ids.
 */
public record RateLimitPolicy(Platform platform, List<RateLimit> overall, List<RateLimit> perChat,
                              List<RateLimit> perGroup, boolean negativeIdsAreGroups) {

    public RateLimitPolicy {
        Objects.requireNonNull(platform, "platform");
        overall = List.copyOf(overall);
        perChat = List.copyOf(perChat);
        perGroup = List.copyOf(perGroup);
    }

    /** Telegram's documented limits: about 30 messages/s overall, 1/s per chat, 20/min per group. */
    public static RateLimitPolicy telegram() {
        return new RateLimitPolicy(Platform.TELEGRAM, List.of(RateLimit.perSecond(30)), List.of(RateLimit.perSecond(1)),
                List.of(new RateLimit(20, Duration.ofMinutes(1))), true);
    }

    /**
     * Discord: 50 requests/s globally and, per channel, the usual message route bucket of 5 per 5 s.
     * JDA enforces the buckets it is told about too; these keep the outbox from queueing into it.
     */
    public static RateLimitPolicy discord() {
        return new RateLimitPolicy(Platform.DISCORD, List.of(RateLimit.perSecond(50)),
                List.of(new RateLimit(5, Duration.ofSeconds(5))), List.of(), false);
    }

    /** No limits, for the console. */
    public static RateLimitPolicy unlimited(Platform platform) {
        return new RateLimitPolicy(platform, List.of(), List.of(), List.of(), false);
    }

    /** The default policy of a platform. */
    public static RateLimitPolicy defaultFor(Platform platform) {
        return switch (platform) {
            case TELEGRAM -> telegram();
            case DISCORD -> discord();
            case CONSOLE -> unlimited(platform);
        };
    }

    boolean isGroup(Target target) {
        return negativeIdsAreGroups && target.chatId().startsWith("-");
    }
}
