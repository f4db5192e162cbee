package dev.paperboy.telegram;

import dev.paperboy.core.Digest;
import dev.paperboy.core.command.Platform;
import dev.paperboy.core.delivery.DigestFormatter;
import dev.paperboy.core.delivery.OutgoingMessage;
import java.util.List;
import java.util.Objects;

/**
 * Renders a digest for delivery to Telegram: one {@link OutgoingMessage} per Telegram message, in
 * sending order, each payload the message's HTML (what {@link TelegramSender} expects), with the papers it carries.
 */
public final class TelegramDigestFormatter implements DigestFormatter {

    private final TelegramRenderer renderer;

    public TelegramDigestFormatter(TelegramRenderer renderer) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    @Override
    public Platform platform() {
        return Platform.TELEGRAM;
    }

    @Override
    public List<OutgoingMessage> format(Digest digest) {
        return renderer.renderDigestCounted(digest).stream()
                .map(m -> new OutgoingMessage(m.message().html(), m.papers())).toList();
    }
}
