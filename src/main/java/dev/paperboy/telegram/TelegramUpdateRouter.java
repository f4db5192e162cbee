package dev.paperboy.telegram;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/** Spreads polled updates over workers, one chat's updates in order, and hands each to the handler for its kind. */
final class TelegramUpdateRouter {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramUpdateRouter.class);

    private final TelegramConnection connection;
    private final TelegramMessageHandler messages;
    private final TelegramCallbackHandler callbacks;
    private final TelegramInlineHandler inline;
    private final ExecutorService[] workers;

    /** Starts {@code workers} daemon threads, named {@code telegram-worker-1} and so on. */
    TelegramUpdateRouter(int workers, TelegramConnection connection, TelegramMessageHandler messages,
                         TelegramCallbackHandler callbacks, TelegramInlineHandler inline) {
        this.connection = connection;
        this.messages = messages;
        this.callbacks = callbacks;
        this.inline = inline;
        this.workers = new ExecutorService[workers];
        for (int i = 0; i < workers; i++) {
            String name = "telegram-worker-" + (i + 1);
            this.workers[i] = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, name);
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    /** Queues the update on the worker of its chat (for buttons and inline queries: of its user). */
    void enqueue(Update update) {
        String key = update.hasMessage() ? String.valueOf(update.getMessage().getChatId())
                : update.hasCallbackQuery() ? String.valueOf(update.getCallbackQuery().getFrom().getId())
                : update.hasInlineQuery() ? String.valueOf(update.getInlineQuery().getFrom().getId()) : "";
        try {
            workers[Math.floorMod(key.hashCode(), workers.length)].execute(() -> handle(update));
        } catch (RejectedExecutionException e) {
            LOG.debug("Telegram: update {} arrived while stopping", update.getUpdateId());
        }
    }

    /** Handles one update; nothing a user sends escapes as an exception. */
    void handle(Update update) {
        try {
            if (update.hasMessage()) {
                messages.handle(update.getMessage());
            } else if (update.hasCallbackQuery()) {
                callbacks.handle(update.getCallbackQuery());
            } else if (update.hasInlineQuery()) {
                inline.handle(update.getInlineQuery());
            }
        } catch (RuntimeException e) {
            LOG.error("Telegram: update {} failed: {}", update.getUpdateId(), connection.redact(String.valueOf(e)),
                    new RedactedTrace(e, connection));
        }
    }

    /** Stops taking updates; updates in progress get up to five seconds per worker to finish. */
    void shutdown() {
        for (ExecutorService worker : workers) {
            worker.shutdown();
        }
        for (ExecutorService worker : workers) {
            try {
                if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                    worker.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                worker.shutdownNow();
            }
        }
    }

    /** A stack trace for the log whose message has the token removed. */
    private static final class RedactedTrace extends RuntimeException {
        RedactedTrace(Throwable original, TelegramConnection connection) {
            super(connection.redact(original.getClass().getName() + ": " + original.getMessage()), null, false, true);
            setStackTrace(original.getStackTrace());
        }
    }
}
