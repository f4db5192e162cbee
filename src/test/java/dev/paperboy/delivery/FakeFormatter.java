package dev.paperboy.delivery;

import dev.paperboy.core.delivery.OutgoingMessage;
import dev.paperboy.core.delivery.DigestFormatter;
import dev.paperboy.core.Digest;
import dev.paperboy.core.Paper;
import dev.paperboy.core.command.Platform;
import java.util.ArrayList;
import java.util.List;

/** Renders a digest as one message per paper, {@code label date key}, so tests can read what went where. */
public final class FakeFormatter implements DigestFormatter {

    private final Platform platform;

    public FakeFormatter(Platform platform) {
        this.platform = platform;
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public List<OutgoingMessage> format(Digest digest) {
        List<OutgoingMessage> messages = new ArrayList<>();
        for (Paper paper : digest.papers()) {
            messages.add(new OutgoingMessage(digest.topic() + " " + digest.date() + " " + paper.key(), 1));
        }
        if (messages.isEmpty()) {
            messages.add(new OutgoingMessage(digest.topic() + " " + digest.date() + " no new papers"));
        }
        return messages;
    }
}
