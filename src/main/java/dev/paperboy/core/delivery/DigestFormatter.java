package dev.paperboy.core.delivery;

import dev.paperboy.core.Digest;
import dev.paperboy.core.command.Platform;
import java.util.List;

/** Port: renders a digest into the messages one platform will send, in order, each within its limits. */
public interface DigestFormatter {

    Platform platform();

    /** The messages for the digest, never empty for a digest with papers. */
    List<OutgoingMessage> format(Digest digest);
}
