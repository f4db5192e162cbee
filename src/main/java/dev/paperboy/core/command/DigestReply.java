package dev.paperboy.core.command;

import dev.paperboy.core.Digest;
import java.util.List;

/** One or more digests to show in full (the latest of a topic, or all topics of a day). */
public record DigestReply(List<Digest> digests) implements Reply {

    public DigestReply {
        if (digests.isEmpty()) {
            throw new IllegalArgumentException("a digest reply needs at least one digest");
        }
        digests = List.copyOf(digests);
    }
}
