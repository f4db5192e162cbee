package dev.paperboy.delivery;

import dev.paperboy.core.delivery.OutgoingMessage;
import dev.paperboy.core.delivery.Target;
import dev.paperboy.core.delivery.MessageSender;
import dev.paperboy.core.delivery.SendOutcome;
import dev.paperboy.core.command.Platform;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A sender that records every message it is given (with the clock's time) and answers what the test
 * scripted per chat: by default {@link SendOutcome.Sent}.
 */
public final class FakeSender implements MessageSender {

    /** One message as the fake platform saw it. */
    public record Delivery(Target target, String payload, Instant at) {
    }

    private final Platform platform;
    private final Clock clock;
    private final List<Delivery> attempts = new ArrayList<>();
    private final List<Delivery> delivered = new ArrayList<>();
    private final Map<String, Deque<SendOutcome>> scripted = new HashMap<>();
    private Function<Target, SendOutcome> rule = t -> null;
    private Runnable afterEachSend = () -> { };
    private int ids;

    public FakeSender(Platform platform, Clock clock) {
        this.platform = platform;
        this.clock = clock;
    }

    /** The next sends to this chat answer these, in order; then the default rule applies again. */
    public synchronized FakeSender script(String chatId, SendOutcome... outcomes) {
        scripted.computeIfAbsent(chatId, c -> new ArrayDeque<>()).addAll(List.of(outcomes));
        return this;
    }

    /** Answers every send for which the rule returns non-null with that outcome. */
    public synchronized FakeSender rule(Function<Target, SendOutcome> rule) {
        this.rule = rule;
        return this;
    }

    /** Runs after every successful delivery, before the engine hears about it (to crash in between). */
    public synchronized void afterEachSend(Runnable action) {
        this.afterEachSend = action;
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public SendOutcome send(Target target, OutgoingMessage message) {
        Runnable after;
        SendOutcome outcome;
        synchronized (this) {
            Delivery delivery = new Delivery(target, message.payload(), clock.instant());
            attempts.add(delivery);
            Deque<SendOutcome> queue = scripted.get(target.chatId());
            outcome = queue != null && !queue.isEmpty() ? queue.poll() : rule.apply(target);
            if (outcome == null) {
                delivered.add(delivery);
                outcome = new SendOutcome.Sent("m" + (++ids));
            }
            after = outcome instanceof SendOutcome.Sent ? afterEachSend : () -> { };
        }
        after.run();
        return outcome;
    }

    /** What reached chats. */
    public synchronized List<Delivery> delivered() {
        return List.copyOf(delivered);
    }

    public synchronized List<String> payloadsTo(String chatId) {
        return delivered.stream().filter(d -> d.target().chatId().equals(chatId)).map(Delivery::payload).toList();
    }

    /** Every call, including throttled and failed ones. */
    public synchronized List<Delivery> attempts() {
        return List.copyOf(attempts);
    }
}
