package dev.paperboy.discord;

import java.util.Map;

/**
 * The ids of search paging buttons, {@code pb:s:<token>:<page>}: the token stands for the query in a
 * {@link dev.paperboy.core.command.TokenCache}, so a 2000-character query still fits Discord's
 * 100-character custom id.
 */
final class SearchButtons {

    private SearchButtons() {
    }

    /** The token and page of a button id, or null when the id is not a search button's. */
    static Map.Entry<String, Integer> parse(String id) {
        String[] parts = id.split(":");
        if (parts.length != 4 || !parts[0].equals("pb") || !parts[1].equals("s") || !parts[3].matches("\\d{1,6}")) {
            return null;
        }
        return Map.entry(parts[2], Integer.parseInt(parts[3]));
    }

    static String id(String token, int page) {
        return "pb:s:" + token + ":" + page;
    }
}
