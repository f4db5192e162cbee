package dev.paperboy.core;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises arXiv identifiers in the forms people paste (ids, addresses, DOIs; a new-style id's month is 01 to
 * 12, so "1234.5678" is a number), and normalises them to the id without version: {@code
 * 2211.07638}, or for a paper from before April 2007 {@code archive/YYMMNNN} ({@code hep-th/9901001}).
 */
public final class ArxivIds {

    /**
     * What may come before the id: an arXiv address (abs, pdf, html, ar5iv), an address of a site that shows
     * arXiv papers under their id (alphaXiv, Hugging Face papers), arXiv's DOI (10.48550/arXiv.ID, bare or as
     * a doi.org address), or {@code arXiv:}.
     */
    private static final String PREFIX = "(?:(?:https?://)?(?:www\\.|export\\.)?"
            + "(?:arxiv\\.org/(?:abs|pdf|html)/|(?:ar5iv\\.labs\\.arxiv\\.org|ar5iv\\.org)/(?:abs|html)/"
            + "|alphaxiv\\.org/(?:abs|overview|pdf)/|(?:huggingface|hf)\\.co/papers/)"
            + "|(?:(?:https?://)?(?:dx\\.)?doi\\.org/|doi:)?10\\.48550/arxiv\\.|arxiv:)?";

    private static final Pattern ID = Pattern.compile("^" + PREFIX
            + "(\\d{2}(?:0[1-9]|1[0-2])\\.\\d{4,5}|[a-z][a-z.\\-]*(?:\\.[A-Za-z]{2})?/\\d{7})"
            + "(v\\d+)?(?:\\.pdf)?/?(?:[?#]\\S*)?$", Pattern.CASE_INSENSITIVE);

    private ArxivIds() {
    }

    /** The id without version (for example {@code 2211.07638}), or empty when the text is not an arXiv id. */
    public static Optional<String> normalise(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = ID.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String id = m.group(1);
        int slash = id.indexOf('/');
        if (slash < 0) {
            return Optional.of(id);
        }
        // an old id is archive/YYMMNNN; a subject class some listings put after the archive (math.GT/0309136) is
        // not part of it, as arXiv reads such ids: math/0309136 is that paper
        String archive = id.substring(0, slash);
        int dot = archive.indexOf('.');
        String withoutClass = dot < 0 ? archive : archive.substring(0, dot);
        return Optional.of(withoutClass.toLowerCase(Locale.ROOT) + id.substring(slash));
    }

    /** The version number in the text ({@code 2} for {@code 2211.07638v2}), or 0 when it has none. */
    public static int version(String text) {
        if (text == null) {
            return 0;
        }
        Matcher m = ID.matcher(text.strip());
        if (!m.matches() || m.group(2) == null) {
            return 0;
        }
        return Integer.parseInt(m.group(2).substring(1));
    }

    /** True when the text is an arXiv id with or without version, prefix or URL. */
    public static boolean isArxivId(String text) {
        return normalise(text).isPresent();
    }
}
