package dev.paperboy.delivery;

import dev.paperboy.core.delivery.Subscription;
import dev.paperboy.core.delivery.SubscriptionFilter;
import dev.paperboy.core.delivery.Target;
import dev.paperboy.core.delivery.SendOutcome;
import dev.paperboy.core.delivery.DeliveryStore;
import dev.paperboy.core.delivery.OutboxWorker;
import dev.paperboy.core.delivery.RateLimiter;
import dev.paperboy.core.delivery.RetryPolicy;
import static dev.paperboy.core.Fixtures.digest;
import static dev.paperboy.core.Fixtures.paper;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.Paper;
import dev.paperboy.core.command.Platform;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sending the outbox: order, limits, throttling, failures, dead and moved chats, restarts. */
class OutboxWorkerTest {

    static final Target GROUP = Target.chat(Platform.TELEGRAM, "-100");
    static final Target USER = Target.chat(Platform.TELEGRAM, "555");
    static final Instant EIGHT = Instant.parse("2026-05-10T08:00:00Z");

    @TempDir
    Path dir;

    DeliveryHarness h;

    @BeforeEach
    void open() {
        h = new DeliveryHarness(dir, EIGHT.minus(Duration.ofHours(1)));
        List<Paper> papers = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            papers.add(paper(String.format("2605.%05d", i), "Robot " + i));
        }
        h.load(digest("Robots", "2026-05-09", papers.toArray(Paper[]::new)));
    }

    @AfterEach
    void close() {
        h.close();
    }

    private Subscription subscribe(Target target) {
        return h.subscribe(target, SubscriptionFilter.topic("Robots"), "08:00", "UTC");
    }

    /** Which of the three robot papers the target has had or has on its way. */
    private java.util.Set<String> had(Target target) {
        java.util.Set<String> robots = java.util.Set.of("arxiv:2605.00001", "arxiv:2605.00002", "arxiv:2605.00003");
        return h.store.paperKeys(Map.of(target, robots)).get(target);
    }

    private void planAtEight() {
        h.clock.set(EIGHT);
        h.planner.planDue();
    }

    @Test
    void sendsEachTargetsMessagesInOrderAtOnePerSecondPerChat() {
        subscribe(GROUP);
        subscribe(USER);
        planAtEight();

        h.deliverAll();

        List<String> expected = List.of("Robots 2026-05-10 arxiv:2605.00001", "Robots 2026-05-10 arxiv:2605.00002",
                "Robots 2026-05-10 arxiv:2605.00003");
        assertThat(h.telegram.payloadsTo("-100")).isEqualTo(expected);
        assertThat(h.telegram.payloadsTo("555")).isEqualTo(expected);
        Map<String, List<Instant>> times = h.telegram.delivered().stream().collect(Collectors.groupingBy(
                d -> d.target().chatId(), Collectors.mapping(FakeSender.Delivery::at, Collectors.toList())));
        assertThat(times.get("-100")).containsExactly(EIGHT, EIGHT.plusSeconds(1), EIGHT.plusSeconds(2));
        assertThat(times.get("555")).containsExactly(EIGHT, EIGHT.plusSeconds(1), EIGHT.plusSeconds(2));
        assertThat(h.store.waitingCount()).isZero();
        assertThat(h.worker.stats().sent()).isEqualTo(6);
    }

    @Test
    void aFourTwentyNineStormIsWaitedOutAsThePlatformSaysAndLosesNothing() {
        for (int i = 0; i < 20; i++) {
            subscribe(Target.chat(Platform.TELEGRAM, String.valueOf(1000 + i)));
        }
        planAtEight();
        // Every chat is throttled for 30 s on its first two tries, and the platform says so.
        Map<String, Integer> tries = new java.util.HashMap<>();
        h.telegram.rule(t -> tries.merge(t.chatId(), 1, Integer::sum) <= 2
                ? new SendOutcome.RetryAfter(Duration.ofSeconds(30)) : null);

        h.deliverAll();

        assertThat(h.telegram.delivered()).hasSize(60);
        assertThat(h.telegram.delivered().stream().map(d -> d.target().chatId() + d.payload()).distinct()).hasSize(60);
        assertThat(h.worker.stats().rateLimited()).isEqualTo(40);
        // No chat was tried again before its retry_after had passed.
        Map<String, List<Instant>> attempts = h.telegram.attempts().stream().collect(Collectors.groupingBy(
                d -> d.target().chatId(), Collectors.mapping(FakeSender.Delivery::at, Collectors.toList())));
        attempts.values().forEach(at -> {
            assertThat(Duration.between(at.get(0), at.get(1))).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
            assertThat(Duration.between(at.get(1), at.get(2))).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
        });
    }

    @Test
    void aChatThatBlockedTheBotIsPausedWithTheReasonAndDoesNotDelayOthers() {
        Subscription blocked = subscribe(GROUP);
        subscribe(USER);
        planAtEight();
        h.telegram.rule(t -> t.equals(GROUP) ? new SendOutcome.TargetGone("Forbidden: bot was blocked by the user")
                : null);

        h.deliverAll();

        assertThat(h.telegram.payloadsTo("555")).hasSize(3);
        assertThat(h.telegram.attempts().stream().filter(a -> a.target().equals(GROUP))).hasSize(1);
        Subscription after = h.store.find(blocked.id()).orElseThrow();
        assertThat(after.paused()).isTrue();
        assertThat(after.pausedReason()).isEqualTo("Forbidden: bot was blocked by the user");
        assertThat(after.lastOutcome()).isEqualTo("paused by the bot: Forbidden: bot was blocked by the user");
        // The papers it never got are not marked as had: after /resume they come with the next run.
        assertThat(had(GROUP)).isEmpty();
    }

    @Test
    void aMigratedGroupGetsTheRestAtItsNewIdAndKeepsItsSubscriptions() {
        Subscription s = subscribe(GROUP);
        planAtEight();
        h.telegram.script("-100", new SendOutcome.Migrated("-100777"));

        h.deliverAll();

        Target moved = Target.chat(Platform.TELEGRAM, "-100777");
        assertThat(h.telegram.payloadsTo("-100")).isEmpty();
        assertThat(h.telegram.payloadsTo("-100777")).hasSize(3);
        assertThat(h.store.forTarget(moved)).extracting(Subscription::id).containsExactly(s.id());
        assertThat(had(moved)).hasSize(3);
    }

    @Test
    void passingFailuresAreRetriedWithGrowingJitteredBackoffThenGivenUp() {
        Subscription s = subscribe(USER);
        planAtEight();
        h.telegram.rule(t -> new SendOutcome.TransientFailure("502 Bad Gateway"));

        h.deliverAll(Duration.ofDays(1));

        List<Instant> at = h.telegram.attempts().stream().map(FakeSender.Delivery::at).toList();
        // 12 tries of the first message, then it is given up; 12 of the second, 12 of the third.
        assertThat(at).hasSize(36);
        for (int i = 1; i < 11; i++) {
            Duration gap = Duration.between(at.get(i - 1), at.get(i));
            Duration full = Duration.ofSeconds(2L << (i - 1)).compareTo(Duration.ofMinutes(10)) > 0
                    ? Duration.ofMinutes(10) : Duration.ofSeconds(2L << (i - 1));
            assertThat(gap).isBetween(full.dividedBy(2), full.plusSeconds(1));
        }
        assertThat(h.worker.stats().failed()).isEqualTo(3);
        assertThat(h.store.find(s.id()).orElseThrow().lastOutcome()).startsWith("a message was not delivered: failed 12 times");
        assertThat(h.store.waitingCount()).isZero();
    }

    @Test
    void aRefusedMessageIsSkippedAndTheNextOneGoes() {
        subscribe(USER);
        planAtEight();
        h.telegram.script("555", new SendOutcome.Rejected("Bad Request: message is too long"));

        h.deliverAll();

        assertThat(h.telegram.payloadsTo("555")).hasSize(2);
        assertThat(h.worker.stats().failed()).isEqualTo(1);
    }

    @Test
    void unsubscribingDuringARunStopsTheRestOfIt() {
        Subscription s = subscribe(USER);
        planAtEight();
        h.worker.dispatch(true); // the first message goes

        h.store.remove(List.of(s.id()));
        h.deliverAll();

        assertThat(h.telegram.payloadsTo("555")).hasSize(1);
        assertThat(h.store.waitingCount()).isZero();
    }

    @Test
    void anotherSubscriptionOfTheChatGetsOnlyThePapersTheStoppedRunDidNotSend() {
        Subscription s = subscribe(USER);
        h.subscribe(USER, SubscriptionFilter.query("robot"), "09:00", "UTC");
        planAtEight();
        h.worker.dispatch(true); // the first paper's message goes

        h.store.remove(List.of(s.id()));
        h.clock.set(EIGHT.plus(Duration.ofHours(1)));
        h.planner.planDue();
        h.deliverAll();

        assertThat(h.telegram.payloadsTo("555")).containsExactly("Robots 2026-05-10 arxiv:2605.00001",
                "Search: robot 2026-05-10 arxiv:2605.00002", "Search: robot 2026-05-10 arxiv:2605.00003");
    }

    @Test
    void aMessageDroppedWhileWaitingToBeSentIsNotSent() {
        subscribe(GROUP);
        Subscription s = subscribe(USER);
        planAtEight();
        // One look fetched both heads; while the group's message was being sent, the user paused.
        h.telegram.afterEachSend(() -> h.store.setPaused(List.of(s.id()), true, null));

        h.deliverAll();

        assertThat(h.telegram.payloadsTo("-100")).hasSize(3);
        assertThat(h.telegram.attempts().stream().filter(a -> a.target().equals(USER))).isEmpty();
    }

    @Test
    void aSendThatSettlesWhileTheOutboxIsReadIsNotHandedOutAgain() {
        subscribe(USER);
        planAtEight();
        h.telegram.script("555", new SendOutcome.RetryAfter(Duration.ofSeconds(30)));
        // Sends start on a later thread; the first settles (throttled) while the next look reads the outbox.
        Deque<Runnable> started = new ArrayDeque<>();
        DeliveryStore settlingWhileRead = (DeliveryStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DeliveryStore.class}, (proxy, method, args) -> {
                    try {
                        Object result = method.invoke(h.store, args);
                        if (method.getName().equals("heads")) {
                            while (!started.isEmpty()) {
                                started.poll().run();
                            }
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        OutboxWorker worker = new OutboxWorker(settlingWhileRead, List.of(h.telegram),
                new RateLimiter(List.of(), Duration.ZERO), RetryPolicy.defaults(), h.clock, new Random(7), started::add, 4);

        worker.dispatch(true);
        worker.dispatch(true);
        while (!started.isEmpty()) {
            started.poll().run();
        }

        // The platform said to wait 30 s: the stale copy of the message read during the settle must not go.
        assertThat(h.telegram.attempts()).hasSize(1);
    }

    @Test
    void aCrashBetweenSendingAndMarkingRepeatsOnlyThatOneMessage() {
        for (int i = 0; i < 5; i++) {
            subscribe(Target.chat(Platform.TELEGRAM, String.valueOf(1000 + i)));
        }
        planAtEight();
        int[] sends = {0};
        // The process dies right after the platform accepted the 7th message, before it is marked sent.
        h.telegram.afterEachSend(() -> {
            if (++sends[0] == 7) {
                h.crash();
            }
        });
        try {
            h.deliverAll();
        } catch (RuntimeException expected) {
            // the dispatcher's next look at the closed store fails, as a dead process would stop
        }
        h.telegram.afterEachSend(() -> { });

        h.open();
        h.deliverAll();

        List<String> delivered = h.telegram.delivered().stream().map(d -> d.target().chatId() + " " + d.payload()).toList();
        assertThat(delivered).hasSize(16);
        assertThat(delivered.stream().distinct()).hasSize(15);
        assertThat(h.store.waitingCount()).isZero();
        // Restarting plans nothing again: the day was recorded with the outbox rows.
        assertThat(h.planner.planDue()).isEmpty();
    }
}
