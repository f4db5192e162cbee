package dev.paperboy.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;

/** Checks URL settings so a typo stops start-up with the key's name rather than failing later. */
final class Urls {

    private Urls() {
    }

    static void check(String key, String url, String... schemes) {
        if (url == null) {
            return;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!Arrays.asList(schemes).contains(scheme) || uri.getHost() == null) {
                throw new IllegalArgumentException(key + " must be a " + String.join(" or ", schemes)
                        + " URL such as " + schemes[0] + "://127.0.0.1:8081/, got \"" + url + "\"");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(key + " is not a valid URL: \"" + url + "\"", e);
        }
    }
}
