package dev.paperboy.console;

import dev.paperboy.core.Digest;
import dev.paperboy.core.command.Platform;
import dev.paperboy.core.delivery.DigestFormatter;
import dev.paperboy.core.delivery.MessageSender;
import dev.paperboy.core.delivery.OutgoingMessage;
import dev.paperboy.core.delivery.SendOutcome;
import dev.paperboy.core.delivery.Target;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivery to the console: digests rendered as the console shows them, printed to its output, so
 * that {@code /subscribe} works end to end without a chat platform.
 */
public final class ConsoleDelivery {

    private final ConsoleRenderer renderer;
    private final PrintStream out;
    private final AtomicLong ids = new AtomicLong();

    public ConsoleDelivery(ConsoleRenderer renderer, PrintStream out) {
        this.renderer = renderer;
        this.out = out;
    }

    public DigestFormatter formatter() {
        return new DigestFormatter() {
            @Override
            public Platform platform() {
                return Platform.CONSOLE;
            }

            @Override
            public List<OutgoingMessage> format(Digest digest) {
                return renderer.renderDigest(digest).stream().map(OutgoingMessage::new).toList();
            }
        };
    }

    public MessageSender sender() {
        return new MessageSender() {
            @Override
            public Platform platform() {
                return Platform.CONSOLE;
            }

            @Override
            public SendOutcome send(Target target, OutgoingMessage message) {
                // One lock with the adapter's own printing, so a delivery never lands inside an answer.
                synchronized (out) {
                    out.println();
                    out.println("[delivery] " + message.payload());
                    out.flush();
                }
                return new SendOutcome.Sent("console-" + ids.incrementAndGet());
            }
        };
    }
}
