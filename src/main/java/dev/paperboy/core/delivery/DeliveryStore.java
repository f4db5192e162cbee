package dev.paperboy.core.delivery;

import java.util.List;

/**
 * Port: everything delivery keeps across restarts, in one store so that a run is written in one
 * transaction. {@link #close()} releases the database.
 */
public interface DeliveryStore extends SubscriptionStore, LedgerStore, OutboxStore, AutoCloseable {

    /**
     * Writes planned runs atomically: for each, the ledger entries, the outbox messages and the
     * subscription's last run (and its local day, when scheduled). A failure writes none of them.
     */
    void record(List<PlannedRun> runs);

    /**
     * Claims delivery from this store for this process until {@link #close()}; false when another
     * process (or another store object) holds it. Two processes planning and sending from one store
     * would both send the same messages.
     */
    boolean claimDelivery();

    @Override
    void close();
}
