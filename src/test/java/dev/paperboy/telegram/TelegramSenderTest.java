package dev.paperboy.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.Digest;
import dev.paperboy.core.DigestSource;
import dev.paperboy.core.Paper;
import dev.paperboy.core.command.Platform;
import dev.paperboy.core.delivery.OutgoingMessage;
import dev.paperboy.core.delivery.SendOutcome;
import dev.paperboy.core.delivery.Target;
import dev.paperboy.core.render.RenderFixtures;
import dev.paperboy.telegram.FakeTelegramServer.Sent;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The delivery engine's Telegram port: digests formatted and sent through the real client to the strict fake. */
class TelegramSenderTest {

    private static final String TOKEN = TelegramHarness.TOKEN;

    private FakeTelegramServer fake;
    private TelegramConnection connection;
    private TelegramSender sender;
    private final TelegramDigestFormatter formatter = new TelegramDigestFormatter(new TelegramRenderer());

    @BeforeEach
    void start() throws Exception {
        fake = new FakeTelegramServer(TOKEN, TelegramHarness.BOT);
        connection = new TelegramConnection(fake.apiUrl(), TOKEN, Duration.ofSeconds(2));
        sender = new TelegramSender(connection);
    }

    @AfterEach
    void stop() {
        connection.close();
        fake.close();
    }

    private static Target chat(long id) {
        return Target.chat(Platform.TELEGRAM, Long.toString(id));
    }

    private List<SendOutcome> sendAll(Target target, List<OutgoingMessage> messages) {
        List<SendOutcome> outcomes = new ArrayList<>();
        for (OutgoingMessage message : messages) {
            outcomes.add(sender.send(target, message));
        }
        return outcomes;
    }

    @Test
    void twoDigestsReachTwoChatsInOrderAndTheStrictServerAcceptsEveryMessage() {
        List<OutgoingMessage> large = formatter.format(RenderFixtures.largeDigest());
        List<OutgoingMessage> seed = formatter.format(RenderFixtures.seedShapedDigest());
        assertThat(large).hasSizeGreaterThan(1);

        for (long chat : new long[] {1002, -100500}) {
            assertThat(sendAll(chat(chat), seed)).allMatch(o -> o instanceof SendOutcome.Sent);
            assertThat(sendAll(chat(chat), large)).allMatch(o -> o instanceof SendOutcome.Sent);
        }

        for (long chat : new long[] {1002, -100500}) {
            List<Sent> sent = fake.sentTo(chat);
            assertThat(sent).hasSize(seed.size() + large.size());
            assertThat(sent).extracting(Sent::html).containsExactlyElementsOf(
                    java.util.stream.Stream.concat(seed.stream(), large.stream()).map(OutgoingMessage::payload).toList());
            assertThat(sent).allSatisfy(s -> {
                assertThat(s.parseMode()).isEqualTo("HTML");
                assertThat(s.previewDisabled()).isTrue();
            });
            assertThat(sent.get(0).text()).startsWith("Vision Transformer · 2022-11-15\n4 papers");
            assertThat(sent.get(seed.size() + 1).text()).contains("(continued)");
        }
        assertThat(fake.rejected()).isEmpty();
    }

    @Test
    void theSentOutcomeCarriesTheMessageIdAndTheThreadIsUsed() {
        SendOutcome first = sender.send(new Target(Platform.TELEGRAM, "-100500", "42"), new OutgoingMessage("<b>Hi</b>"));
        SendOutcome second = sender.send(chat(-100500), new OutgoingMessage("again"));

        assertThat(first).isEqualTo(new SendOutcome.Sent("1"));
        assertThat(second).isEqualTo(new SendOutcome.Sent("2"));
        assertThat(fake.sentTo(-100500).get(0).threadId()).isEqualTo(42);
        assertThat(fake.sentTo(-100500).get(1).threadId()).isNull();
    }

    @Test
    void aRateLimitTellsHowLongToWaitAndTheNextSendGoesThrough() {
        fake.rateLimitNextSends(1, 7);
        OutgoingMessage message = formatter.format(RenderFixtures.seedShapedDigest()).get(0);

        assertThat(sender.send(chat(1002), message)).isEqualTo(new SendOutcome.RetryAfter(Duration.ofSeconds(7)));
        assertThat(sender.send(chat(1002), message)).isInstanceOf(SendOutcome.Sent.class);
        assertThat(fake.sentTo(1002)).hasSize(1);
    }

    @Test
    void aChatThatBlockedTheBotOrVanishedIsGoneAndOtherChatsStillReceive() {
        fake.blockBot(1003);
        fake.forgetChat(1004);
        OutgoingMessage message = new OutgoingMessage("<b>News</b>");

        SendOutcome blocked = sender.send(chat(1003), message);
        SendOutcome missing = sender.send(chat(1004), message);
        SendOutcome fine = sender.send(chat(1002), message);

        assertThat(blocked).isInstanceOf(SendOutcome.TargetGone.class);
        assertThat(((SendOutcome.TargetGone) blocked).reason()).contains("403").contains("blocked by the user");
        assertThat(missing).isInstanceOf(SendOutcome.TargetGone.class);
        assertThat(((SendOutcome.TargetGone) missing).reason()).contains("chat not found");
        assertThat(fine).isInstanceOf(SendOutcome.Sent.class);
    }

    @Test
    void aGroupThatBecameASupergroupSaysWhereItWent() {
        fake.migrate(-4001, -1004001);

        assertThat(sender.send(chat(-4001), new OutgoingMessage("x")))
                .isEqualTo(new SendOutcome.Migrated("-1004001"));
        assertThat(sender.send(chat(-1004001), new OutgoingMessage("x"))).isInstanceOf(SendOutcome.Sent.class);
    }

    @Test
    void malformedOrOverlongMessagesAreRejectedWithTelegramsReasons() {
        SendOutcome malformed = sender.send(chat(1002), new OutgoingMessage("<b>unclosed"));
        SendOutcome tooLong = sender.send(chat(1002), new OutgoingMessage("x".repeat(4097)));

        assertThat(malformed).isInstanceOf(SendOutcome.Rejected.class);
        assertThat(((SendOutcome.Rejected) malformed).reason()).startsWith("[400] Bad Request: can't parse entities");
        assertThat(tooLong).isEqualTo(new SendOutcome.Rejected("[400] Bad Request: message is too long"));
        assertThat(fake.sent()).isEmpty();
    }

    @Test
    void serverErrorsAndTimeoutsAreTransient() {
        fake.failNextSends(1);
        assertThat(sender.send(chat(1002), new OutgoingMessage("x"))).isInstanceOf(SendOutcome.TransientFailure.class);

        fake.delaySends(Duration.ofSeconds(3));
        SendOutcome slow = sender.send(chat(1002), new OutgoingMessage("x"));
        assertThat(slow).isInstanceOf(SendOutcome.TransientFailure.class);
        assertThat(((SendOutcome.TransientFailure) slow).reason()).doesNotContain(TOKEN.split(":")[1]);
    }

    @Test
    void aServerThatIsDownIsTransientAndTheReasonHasNoToken() {
        fake.close();
        SendOutcome down = sender.send(chat(1002), new OutgoingMessage("x"));
        assertThat(down).isInstanceOf(SendOutcome.TransientFailure.class);
        assertThat(((SendOutcome.TransientFailure) down).reason()).doesNotContain(TOKEN.split(":")[1]);
    }

    @Test
    void hostileTitlesAreEscapedInDeliveredDigests() {
        Paper hostile = Paper.of("2211.00301", "<script>alert(1)</script> & </b> Attention",
                List.of("Eve <i>Hacker</i>"), "a < b && c > d </b>", "&amp; <comment>");
        Paper noId = Paper.of(null, "Fish & Chips </b>", List.of("Q"), "", "");
        Digest digest = new Digest("Security <b>", LocalDate.of(2022, 11, 14), List.of(hostile, noId),
                new DigestSource("hostile.json", 1, "By <someone> & co"));

        assertThat(sendAll(chat(1002), formatter.format(digest))).allMatch(o -> o instanceof SendOutcome.Sent);
        String shown = fake.sentTo(1002).get(0).text();
        assertThat(shown).contains("Security <b> · 2022-11-14").contains("<script>alert(1)</script> & </b> Attention")
                .contains("Eve <i>Hacker</i>").contains("a < b && c > d </b>").contains("Fish & Chips </b>")
                .contains("By <someone> & co");
    }

    @Test
    void theFormatterSaysItIsForTelegramAndTheSenderRefusesOtherPlatforms() {
        assertThat(formatter.platform()).isEqualTo(Platform.TELEGRAM);
        assertThat(sender.platform()).isEqualTo(Platform.TELEGRAM);
        assertThat(sender.send(Target.chat(Platform.DISCORD, "1"), new OutgoingMessage("x")))
                .isInstanceOf(SendOutcome.Rejected.class);
    }
}
