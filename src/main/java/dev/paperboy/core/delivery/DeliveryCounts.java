package dev.paperboy.core.delivery;

/** Totals for {@code status}: subscriptions, how many are paused, and messages waiting to be sent. */
public record DeliveryCounts(int subscriptions, int paused, int targets, int waitingMessages) {
}
