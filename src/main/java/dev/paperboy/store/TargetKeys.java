package dev.paperboy.store;

import dev.paperboy.core.command.Platform;
import dev.paperboy.core.delivery.Target;

/** The one column a target is looked up by: platform, chat and thread in one string. */
final class TargetKeys {

    private TargetKeys() {
    }

    static String of(Target target) {
        return target.platform().name() + ":" + target.chatId() + (target.threadId() == null ? "" : "/" + target.threadId());
    }

    static Target target(String platform, String chatId, String threadId) {
        return new Target(Platform.valueOf(platform), chatId, threadId);
    }
}
