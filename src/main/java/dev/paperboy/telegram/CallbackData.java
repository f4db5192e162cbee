package dev.paperboy.telegram;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code callback_data} of Paperboy's inline buttons, always within Telegram's 64 bytes: the
 * query itself never travels in a button, only a short token for it ({@link dev.paperboy.core.command.TokenCache}).
 *
 * <ul>
 *   <li>{@code p:<token>:<page>} — show that page of the cached command</li>
 *   <li>{@code m:<arXiv id>} — show the paper in full (the "more" of a shortened abstract)</li>
 *   <li>{@code n} — the "page n of m" label, which does nothing</li>
 * </ul>
 */
sealed interface CallbackData {

    int MAX_BYTES = 64;

    record Page(String token, int page) implements CallbackData {
    }

    record More(String arxivId) implements CallbackData {
    }

    record Noop() implements CallbackData {
    }

    Pattern PAGE = Pattern.compile("p:([A-Za-z0-9]{1,16}):([0-9]{1,6})");
    Pattern MORE = Pattern.compile("m:([A-Za-z0-9./-]{1,40})");

    static String encode(CallbackData data) {
        String text;
        if (data instanceof Page page) {
            text = "p:" + page.token() + ":" + page.page();
        } else if (data instanceof More more) {
            text = "m:" + more.arxivId();
        } else {
            text = "n";
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("callback data over 64 bytes: " + text);
        }
        return text;
    }

    /** Whether the data fits a button: an arXiv id of an odd shape might not. */
    static boolean fits(CallbackData data) {
        try {
            String text = encode(data);
            return decode(text).isPresent();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Empty for data this version does not know (a button of an older or newer Paperboy). */
    static Optional<CallbackData> decode(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.equals("n")) {
            return Optional.of(new Noop());
        }
        Matcher page = PAGE.matcher(text);
        if (page.matches()) {
            int number = Integer.parseInt(page.group(2));
            return number < 1 ? Optional.empty() : Optional.of(new Page(page.group(1), number));
        }
        Matcher more = MORE.matcher(text);
        if (more.matches()) {
            return Optional.of(new More(more.group(1)));
        }
        return Optional.empty();
    }
}
