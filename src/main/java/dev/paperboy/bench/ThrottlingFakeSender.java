package dev.paperboy.bench;

import dev.paperboy.core.command.Platform;
import dev.paperboy.core.delivery.MessageSender;
import dev.paperboy.core.delivery.OutgoingMessage;
import dev.paperboy.core.delivery.SendOutcome;
import dev.paperboy.core.delivery.Target;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake Telegram for the benchmark: answers 429 with the wait left whenever a send would exceed
 * {@code overall} messages in any second or {@code perChat} in any second to one chat, as the real
 * one does (scaled), takes {@code latency} per request, and counts what each chat received.
 */
final class ThrottlingFakeSender implements MessageSender {

    private final int overall;
    private final int perChat;
    private final long latencyNanos;
    private final Deque<Long> recent = new ArrayDeque<>();
    private final Map<String, Deque<Long>> recentPerChat = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private static final long SECOND = 1_000_000_000L;

    ThrottlingFakeSender(int overall, int perChat, Duration latency) {
        this.overall = overall;
        this.perChat = perChat;
        this.latencyNanos = latency.toNanos();
    }

    @Override
    public Platform platform() {
        return Platform.TELEGRAM;
    }

    @Override
    public SendOutcome send(Target target, OutgoingMessage message) {
        long now = System.nanoTime();
        long waitNanos = admit(target.chatId(), now);
        pause();
        if (waitNanos > 0) {
            rateLimited.incrementAndGet();
            return new SendOutcome.RetryAfter(Duration.ofNanos(waitNanos));
        }
        received.computeIfAbsent(target.chatId() + "\n" + message.payload(), k -> new AtomicInteger()).incrementAndGet();
        return new SendOutcome.Sent(String.valueOf(delivered.incrementAndGet()));
    }

    /** 0 when the request is within the limits (and counted), else how long until it would be. */
    private synchronized long admit(String chat, long now) {
        Deque<Long> chatWindow = recentPerChat.computeIfAbsent(chat, c -> new ArrayDeque<>());
        trim(recent, now);
        trim(chatWindow, now);
        long wait = 0;
        if (recent.size() >= overall) {
            wait = recent.peekFirst() + SECOND - now;
        }
        if (chatWindow.size() >= perChat) {
            wait = Math.max(wait, chatWindow.peekFirst() + SECOND - now);
        }
        if (wait > 0) {
            return wait;
        }
        recent.addLast(now);
        chatWindow.addLast(now);
        return 0;
    }

    private static void trim(Deque<Long> window, long now) {
        while (!window.isEmpty() && window.peekFirst() <= now - SECOND) {
            window.removeFirst();
        }
    }

    private void pause() {
        if (latencyNanos > 0) {
            try {
                Thread.sleep(latencyNanos / 1_000_000, (int) (latencyNanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    long rateLimited() {
        return rateLimited.get();
    }

    long delivered() {
        return delivered.get();
    }

    /** Messages received more than once. */
    long duplicates() {
        return received.values().stream().mapToLong(c -> Math.max(0, c.get() - 1)).sum();
    }

    /** Distinct messages received. */
    long distinct() {
        return received.size();
    }
}
