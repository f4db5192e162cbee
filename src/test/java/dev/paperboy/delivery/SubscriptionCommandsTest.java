package dev.paperboy.delivery;

import static dev.paperboy.core.Fixtures.digest;
import static dev.paperboy.core.Fixtures.paper;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.command.Caller;
import dev.paperboy.core.command.CommandDispatcher;
import dev.paperboy.core.command.CommandRegistry;
import dev.paperboy.core.command.ErrorReply;
import dev.paperboy.core.command.Platform;
import dev.paperboy.core.command.Reply;
import dev.paperboy.core.command.TextReply;
import dev.paperboy.core.delivery.SendOutcome;
import dev.paperboy.core.delivery.Subscription;
import dev.paperboy.core.delivery.SubscriptionFilter;
import dev.paperboy.core.delivery.Subscriptions;
import dev.paperboy.core.delivery.Target;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The subscription commands through the dispatcher, as a chat would type them. */
class SubscriptionCommandsTest {

    static final Target GROUP = Target.chat(Platform.TELEGRAM, "-100");

    @TempDir
    Path dir;

    DeliveryHarness h;
    CommandDispatcher dispatcher;
    final Caller member = new Caller(Platform.TELEGRAM, "-100", "7", false, false, false);
    final Caller chatAdmin = new Caller(Platform.TELEGRAM, "-100", "8", false, true, false);
    final Caller botAdmin = new Caller(Platform.TELEGRAM, "-100", "1", true, false, false);

    @BeforeEach
    void open() {
        h = new DeliveryHarness(dir, Instant.parse("2026-05-10T06:00:00Z"));
        h.load(digest("Vision Transformer", "2026-05-09", paper("2605.00001", "Patch budgets"),
                paper("2605.00002", "Diffusion of patches")));
        Subscriptions subscriptions = new Subscriptions(h.store, h.planner, LocalTime.of(8, 0), ZoneId.of("UTC"), 7,
                h.clock);
        dispatcher = new CommandDispatcher(CommandRegistry.standard(h.library, h.search, h.clock, ZoneId.of("UTC"), 5,
                subscriptions));
    }

    @AfterEach
    void close() {
        h.close();
    }

    private Reply run(String line, Caller caller) {
        return dispatcher.dispatch(CommandDispatcher.parse(line, null).orElseThrow(), caller);
    }

    private String error(String line, Caller caller) {
        Reply reply = run(line, caller);
        assertThat(reply).isInstanceOf(ErrorReply.class);
        return ((ErrorReply) reply).message();
    }

    private String text(String line, Caller caller) {
        Reply reply = run(line, caller);
        assertThat(reply).isInstanceOf(TextReply.class);
        TextReply text = (TextReply) reply;
        return text.title() + "\n" + String.join("\n", text.lines());
    }

    @Test
    void subscribesToATopicWithTimeAndZone() {
        String reply = text("/subscribe vision transformer at 9:30 tz Europe/Berlin", chatAdmin);

        assertThat(reply).startsWith("Subscribed: Vision Transformer at 09:30 Europe/Berlin, every day.")
                .contains("First delivery: 2026-05-10 09:30 Europe/Berlin");
        Subscription s = h.store.forTarget(GROUP).get(0);
        assertThat(s.filter()).isEqualTo(SubscriptionFilter.topic("Vision Transformer"));
        assertThat(s.time()).isEqualTo(LocalTime.of(9, 30));
        assertThat(s.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(s.createdBy()).isEqualTo("8");
    }

    @Test
    void anythingElseIsASavedSearchWithTheDefaults() {
        String reply = text("/subscribe diffusion", chatAdmin);

        assertThat(reply).contains("saved search; 1 paper matches it now");
        Subscription s = h.store.forTarget(GROUP).get(0);
        assertThat(s.filter()).isEqualTo(SubscriptionFilter.query("diffusion"));
        assertThat(s.time()).isEqualTo(LocalTime.of(8, 0));
        assertThat(s.zone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void validationErrorsSayWhatToType() {
        assertThat(error("/subscribe", chatAdmin)).contains("Say what to subscribe to", "/subscribe Vision Transformer");
        assertThat(error("/subscribe robots at 25:00", chatAdmin)).isEqualTo("\"25:00\" is not a time of day. Type it "
                + "as HH:mm, for example: /subscribe Vision Transformer at 08:30 tz Europe/Berlin");
        assertThat(error("/subscribe robots tz Mars/Olympus", chatAdmin)).startsWith("\"Mars/Olympus\" is not a "
                + "timezone I know. Use an IANA name such as Europe/Berlin");
        assertThat(error("/subscribe " + "x".repeat(400), chatAdmin)).contains("at most 300");
        String first = text("/subscribe Vision Transformer", chatAdmin);
        assertThat(text("/subscribe vision transformer", chatAdmin)).isEqualTo(first);
        assertThat(h.store.forTarget(GROUP)).hasSize(1);
        assertThat(error("/subscribe vision transformer at 10:00", chatAdmin))
                .startsWith("This chat already has that subscription (number 1): Vision Transformer at 08:00 UTC. "
                        + "To change it, /unsubscribe 1 and subscribe again.");
        assertThat(error("/unsubscribe", chatAdmin)).contains("/unsubscribe 1", "/unsubscribe all");
        assertThat(error("/unsubscribe 3", chatAdmin)).isEqualTo("There is no subscription 3 here; this chat has 1. "
                + "Type /subscriptions to see them with their numbers.");
        assertThat(error("/unsubscribe first", chatAdmin)).startsWith("Type the number of a subscription or \"all\"");
        assertThat(error("/deliver later", botAdmin)).startsWith("Type /deliver now");
    }

    @Test
    void sinceAsksForOlderPapersThanTheWindowWithinLimits() {
        String reply = text("/subscribe vision transformer at 09:30 since 2026-04-01", chatAdmin);

        assertThat(reply).startsWith("Subscribed: Vision Transformer at 09:30 UTC, since 2026-04-01, every day.")
                .contains("with the matching papers since 2026-04-01 that this chat has not had");
        assertThat(h.store.forTarget(GROUP).get(0).since()).isEqualTo(java.time.LocalDate.of(2026, 4, 1));
        assertThat(error("/subscribe robots since yesterday", chatAdmin)).isEqualTo("\"yesterday\" is not a date. "
                + "Type it as YYYY-MM-DD, for example: /subscribe Vision Transformer since 2026-01-15");
        assertThat(error("/subscribe robots since 2026-05-11", chatAdmin)).isEqualTo("Since 2026-05-11 is in the "
                + "future; give a past date, at most 90 days back (2026-02-09 or later).");
        assertThat(error("/subscribe robots since 2026-02-08", chatAdmin)).startsWith("Since 2026-02-08 is too far "
                + "back: a first delivery reaches at most 90 days back, so 2026-02-09 or later.");
        // within the window anyway: nothing to keep
        assertThat(text("/subscribe diffusion since 2026-05-08", chatAdmin)).contains("papers of the last 7 days");
        assertThat(h.store.forTarget(GROUP).get(1).since()).isNull();
    }

    @Test
    void inGroupsOnlyChatAdminsChangeSubscriptionsButEveryoneMaySeeThem() {
        assertThat(error("/subscribe robots", member)).startsWith("Only admins of this chat can change its subscriptions.");
        text("/subscribe Vision Transformer", chatAdmin);
        assertThat(error("/unsubscribe 1", member)).startsWith("Only admins of this chat");
        assertThat(error("/pause", member)).startsWith("Only admins of this chat can pause");
        assertThat(error("/deliver now", chatAdmin)).startsWith("/deliver is for admins only.");
        assertThat(text("/subscriptions", member)).contains("1. Vision Transformer at 08:00 UTC: last none yet; "
                + "next 2026-05-10 08:00");
        Caller privateUser = new Caller(Platform.TELEGRAM, "555", "555", false, false, true);
        assertThat(text("/subscribe robots", privateUser)).startsWith("Subscribed");
    }

    @Test
    void unsubscribeByNumberOrAll() {
        text("/subscribe Vision Transformer", chatAdmin);
        text("/subscribe diffusion", chatAdmin);
        text("/subscribe robots", chatAdmin);

        assertThat(text("/unsubscribe 2", chatAdmin)).startsWith("Unsubscribed: search \"diffusion\" at 08:00 UTC.");
        assertThat(h.store.forTarget(GROUP)).extracting(s -> s.filter().text()).containsExactly("Vision Transformer",
                "robots");
        assertThat(text("/unsubscribe all", chatAdmin)).startsWith("Unsubscribed from all 2 subscriptions");
        assertThat(text("/subscriptions", member)).startsWith("This chat has no subscriptions.");
    }

    @Test
    void pauseAndResume() {
        text("/subscribe Vision Transformer", chatAdmin);
        text("/subscribe diffusion", chatAdmin);

        assertThat(text("/pause 2", chatAdmin)).startsWith("Paused search \"diffusion\" at 08:00 UTC.");
        assertThat(h.store.activeNotRunSince(java.time.LocalDate.of(9999, 12, 31))).hasSize(1);
        assertThat(text("/pause", chatAdmin)).startsWith("Paused all 2 subscriptions of this chat.");
        assertThat(text("/subscriptions", member)).contains("(paused)");
        assertThat(text("/resume", chatAdmin)).startsWith("Resumed all 2 subscriptions");
        assertThat(h.store.activeNotRunSince(java.time.LocalDate.of(9999, 12, 31))).hasSize(2);
    }

    @Test
    void deliverNowQueuesTheRunAndLeavesTheScheduleAlone() {
        text("/subscribe Vision Transformer", chatAdmin);

        assertThat(text("/deliver now 1", botAdmin)).isEqualTo("Delivering now\nVision Transformer at 08:00 UTC: "
                + "2 papers in 2 messages (deliver now)");
        h.deliverAll();
        assertThat(h.telegram.payloadsTo("-100")).hasSize(2);
        assertThat(text("/deliver now", botAdmin)).contains("nothing new, nothing sent (deliver now)");
        assertThat(h.store.forTarget(GROUP).get(0).lastDeliveredDate()).isNull();
    }

    @Test
    void statusShowsEachSubscriptionsLastDeliveryAndWhyItStopped() {
        text("/subscribe Vision Transformer", chatAdmin);
        text("/subscribe robots", chatAdmin);
        h.clock.set(Instant.parse("2026-05-10T08:00:00Z"));
        h.planner.planDue();
        h.telegram.rule(t -> new SendOutcome.TargetGone("Forbidden: bot was kicked from the group chat"));
        h.deliverAll();

        String status = text("/status", botAdmin);

        assertThat(status).contains("Delivery: 2 subscriptions in 1 chats (2 paused), 0 messages waiting to be sent",
                "1. Vision Transformer at 08:00 UTC (paused by the bot: Forbidden: bot was kicked from the group chat): "
                        + "last 2026-05-10 08:00, paused by the bot: Forbidden: bot was kicked from the group chat",
                "2. search \"robots\" at 08:00 UTC (paused by the bot: Forbidden: bot was kicked from the group chat)");
    }

    @Test
    void statusShowsASkippedDay() {
        text("/subscribe robots", chatAdmin);
        h.clock.set(Instant.parse("2026-05-10T08:00:00Z"));
        h.planner.planDue();

        assertThat(text("/status", botAdmin)).contains("1. search \"robots\" at 08:00 UTC: last 2026-05-10 08:00, "
                + "nothing new, nothing sent; next 2026-05-11 08:00");
    }
}
