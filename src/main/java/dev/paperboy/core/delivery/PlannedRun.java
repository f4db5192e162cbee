package dev.paperboy.core.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One planned delivery of one subscription, written to the store in one transaction: the ledger
 * entries for its papers, its messages in the outbox, and the subscription's last run.
 *
 * @param runKey       unique per run; ties the ledger entries to their outbox messages
 * @param scheduledDay the local day this run counts for, or null for a {@code deliver now} that leaves
 *                     the schedule alone
 * @param paperKeys    {@link dev.paperboy.core.Paper#key()} of every paper sent
 * @param messages     the rendered messages, in order; empty when there is nothing to send
 * @param outcome      what to show in {@code status}: "3 papers", "skipped: nothing new"
 */
public record PlannedRun(Subscription subscription, String runKey, LocalDate scheduledDay, List<String> paperKeys,
                         List<OutgoingMessage> messages, String outcome, Instant plannedAt) {

    public PlannedRun {
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(runKey, "runKey");
        paperKeys = List.copyOf(paperKeys);
        messages = List.copyOf(messages);
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(plannedAt, "plannedAt");
    }

    public Target target() {
        return subscription.target();
    }

    /**
     * For each paper, in order, the index of the message that carries it: from the messages' own
     * {@link OutgoingMessage#papers()} counts when they add up to the papers, else the last message (each
     * paper then counts as sent only with the whole run).
     */
    public int[] paperParts() {
        int[] parts = new int[paperKeys.size()];
        int counted = messages.stream().mapToInt(OutgoingMessage::papers).sum();
        if (counted != parts.length) {
            java.util.Arrays.fill(parts, Math.max(0, messages.size() - 1));
            return parts;
        }
        int paper = 0;
        for (int part = 0; part < messages.size(); part++) {
            for (int i = 0; i < messages.get(part).papers(); i++) {
                parts[paper++] = part;
            }
        }
        return parts;
    }
}
