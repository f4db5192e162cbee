package dev.paperboy.core.delivery;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Port: the subscriptions of every target, durable. */
public interface SubscriptionStore {

    Subscription add(NewSubscription subscription);

    /** Adds many in one transaction (imports, benchmarks); returns how many were added. */
    int addAll(List<NewSubscription> subscriptions);

    Optional<Subscription> find(long id);

    /** The target's subscriptions, oldest first: the order users number them in. */
    List<Subscription> forTarget(Target target);

    /**
     * The subscriptions that are not paused and whose last scheduled day is before {@code day} (or that
     * never ran): the only ones that can be due, so the planner need not read the others every tick.
     */
    List<Subscription> activeNotRunSince(java.time.LocalDate day);

    /**
     * Removes subscriptions. Their messages still waiting in the outbox are dropped, and the ledger
     * forgets the papers those messages carry. Returns how many were removed.
     */
    int remove(Collection<Long> ids);

    /**
     * Pauses or resumes subscriptions. Pausing drops their waiting messages as {@link #remove} does;
     * {@code reason} says why the bot paused them (null when a user did).
     */
    int setPaused(Collection<Long> ids, boolean paused, String reason);

    /** Records what happened to a subscription without a run (no formatter for its platform, a failure). */
    void recordOutcome(long id, Instant at, String outcome);

    /** Totals for {@code status}. */
    DeliveryCounts counts();
}
