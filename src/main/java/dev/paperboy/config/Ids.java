package dev.paperboy.config;

import java.util.List;
import java.util.Objects;

/** Checks lists of platform user ids, which are numbers on both Discord and Telegram. */
final class Ids {

    private Ids() {
    }

    static List<String> validated(String key, List<String> ids) {
        List<String> list = List.copyOf(Objects.requireNonNullElse(ids, List.of()));
        for (String id : list) {
            if (id == null || !id.strip().matches("-?\\d{1,20}")) {
                throw new IllegalArgumentException(key + " must list numeric user ids, got \"" + id + "\"");
            }
        }
        return list.stream().map(String::strip).toList();
    }
}
