package dev.paperboy.core.delivery;

import dev.paperboy.core.command.Platform;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Port: the messages waiting to be sent. Each target's messages go in order, so only the oldest
 * waiting message of a target (its head) is ever handed out.
 */
public interface OutboxStore {

    /** The heads of the targets on these platforms that may be sent at {@code now}, oldest first. */
    List<OutboxItem> heads(Collection<Platform> platforms, Instant now, int limit);

    /** Whether the message still waits: false once it was dropped (unsubscribed, paused) or settled. */
    boolean isWaiting(long id);

    /** Sent: keeps the platform's message id, and marks the papers this message carries sent in the ledger. */
    void markSent(long id, String messageId, Instant at);

    /** Not now: try again at {@code notBefore}; {@code failed} counts an attempt (throttling does not). */
    void retryLater(long id, Instant notBefore, String reason, boolean failed);

    /**
     * Given up on this message (refused by the platform, or too many failures); the target's next one
     * follows. With {@code offerPapersAgain} (the failures were passing ones) the ledger forgets the papers
     * it carried, so that the next run may offer them again; else they count as settled, never sent.
     */
    void markFailed(long id, String reason, Instant at, boolean offerPapersAgain);

    /**
     * The target is gone for the bot (blocked, kicked, deleted): pauses its subscriptions with the
     * reason, drops its waiting messages and lets the ledger forget their papers.
     */
    void targetGone(Target target, String reason, Instant at);

    /** The chat moved: its subscriptions, waiting messages and ledger now belong to {@code to}. */
    void migrate(Target from, Target to);

    int waitingCount();

    /**
     * Deletes the messages settled (sent, failed or dropped) that were planned before {@code before};
     * the ledger keeps what was sent where. Returns how many were deleted.
     */
    int purgeSettled(Instant before);
}
