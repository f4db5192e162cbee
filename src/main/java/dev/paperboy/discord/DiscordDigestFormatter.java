package dev.paperboy.discord;

import dev.paperboy.core.Digest;
import dev.paperboy.core.command.Platform;
import dev.paperboy.core.delivery.DigestFormatter;
import dev.paperboy.core.delivery.OutgoingMessage;
import java.util.List;

/** Renders a digest for the delivery engine as Discord messages, each stored as {@link DiscordPayloads} JSON. */
public final class DiscordDigestFormatter implements DigestFormatter {

    private final DiscordRenderer renderer;

    public DiscordDigestFormatter(DiscordRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public Platform platform() {
        return Platform.DISCORD;
    }

    @Override
    public List<OutgoingMessage> format(Digest digest) {
        // one embed per paper, in the digest's order
        return renderer.renderDigest(digest).stream()
                .map(m -> DiscordPayloads.toOutgoing(m, m.embeds().size())).toList();
    }
}
