package dev.paperboy.arxiv;

import java.util.Locale;
import java.util.Optional;

/** How an arXiv listing announces a paper: new, cross-listed, or a new version (replacement) of an older one. */
public enum AnnounceType {
    NEW, CROSS, REPLACE, REPLACE_CROSS;

    /** True for papers appearing for the first time; replacements are new versions of old papers. */
    public boolean isNewPaper() {
        return this == NEW || this == CROSS;
    }

    /** Reads {@code new}, {@code cross}, {@code replace} or {@code replace-cross} as the listing spells them. */
    static Optional<AnnounceType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "new" -> Optional.of(NEW);
            case "cross" -> Optional.of(CROSS);
            case "replace" -> Optional.of(REPLACE);
            case "replace-cross" -> Optional.of(REPLACE_CROSS);
            default -> Optional.empty();
        };
    }
}
