package dev.paperboy.core.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Shortens, splits and wraps plain text for renderers. Renderers work on plain text first and add
 * markup afterwards, so markup is never cut in half; {@link #fit} and {@link #splitFitting} do that
 * for markup that grows the text (escaping), retrying with less plain text until the result fits.
 *
 * <p>Lengths are counted in UTF-16 code units ({@link String#length()}), which is never less than the
 * number of code points the platforms count, so a limit held here also holds there. No cut ever
 * separates the halves of a surrogate pair.
 */
public final class PlainText {

    /** The one-character ellipsis that marks shortened text. */
    public static final String ELLIPSIS = "…";

    // A period after these words rarely ends a sentence in an abstract ("et al. show", "e.g. ViT").
    private static final Set<String> ABBREVIATIONS = Set.of("al", "e.g", "i.e", "vs", "cf", "fig", "figs", "eq",
            "eqs", "sec", "ref", "refs", "resp", "approx", "no", "dr", "prof", "st", "etc");

    private PlainText() {
    }

    /** A count and its noun, plural unless it is one: "1 topic", "3 papers", "0 digests", "88,463 papers". */
    public static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d", n) + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * The text itself when it has at most {@code max} characters, else its longest beginning that ends
     * at a sentence (or paragraph) end, else at a word boundary, followed by {@link #ELLIPSIS}; the
     * result never exceeds {@code max}. A boundary that would drop more than half the room is passed
     * over for the next kind, and a hard cut is the last resort.
     */
    public static String shorten(String text, int max) {
        requirePositive(max);
        if (text.length() <= max) {
            return text;
        }
        if (max == 1) {
            return ELLIPSIS;
        }
        int room = max - 2; // room for " …" after a whole sentence
        int sentence = lastSentenceEnd(text, room, room / 2);
        if (sentence > 0) {
            return text.substring(0, sentence).stripTrailing() + " " + ELLIPSIS;
        }
        room = max - 1;
        int word = lastWordBoundary(text, room, room / 2);
        if (word > 0) {
            String head = stripTrailingPunctuation(text.substring(0, word));
            if (!head.isEmpty()) {
                return head + ELLIPSIS;
            }
        }
        int cut = safeCut(text, room);
        return cut == 0 ? ELLIPSIS : text.substring(0, cut).stripTrailing() + ELLIPSIS;
    }

    /**
     * Splits the text into pieces of at most {@code max} characters: at paragraph ends when that keeps
     * pieces reasonably full, else at sentence ends, else at word boundaries, else anywhere but inside a
     * surrogate pair. Pieces are stripped of surrounding white space; blank text gives no pieces.
     */
    public static List<String> split(String text, int max) {
        requirePositive(max);
        List<String> pieces = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > max) {
            int cut = lastParagraphEnd(rest, max, max / 2);
            if (cut <= 0) {
                cut = lastSentenceEnd(rest, max, max / 4);
            }
            if (cut <= 0) {
                cut = lastWordBoundary(rest, max, 1);
            }
            if (cut <= 0) {
                cut = safeCut(rest, max);
            }
            if (cut == 0) {
                cut = 2; // a limit of 1 cannot hold a surrogate pair; keep the pair whole
            }
            String piece = rest.substring(0, cut).strip();
            if (!piece.isEmpty()) {
                pieces.add(piece);
            }
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            pieces.add(rest);
        }
        return pieces;
    }

    /**
     * The rendering of the text, shortened as little as needed so that the rendering has at most
     * {@code max} characters. {@code render} turns plain text into markup (escaping, wrapping tags) and
     * may make it longer; it is applied to whole shortened texts only.
     *
     * @throws IllegalArgumentException when not even the rendering of an ellipsis fits
     */
    public static String fit(String text, int max, UnaryOperator<String> render) {
        requirePositive(max);
        String rendered = render.apply(text);
        int budget = Math.min(text.length(), max);
        while (rendered.length() > max) {
            if (budget <= 1) {
                throw new IllegalArgumentException("nothing of the text fits in " + max + " characters");
            }
            int smaller = (int) ((long) budget * max / rendered.length());
            budget = Math.max(1, Math.min(smaller, budget - 1));
            rendered = render.apply(shorten(text, budget));
        }
        return rendered;
    }

    /**
     * Splits the text like {@link #split} and renders each piece, making pieces smaller where their
     * rendering would exceed {@code max}. Every returned string has at most {@code max} characters.
     */
    public static List<String> splitFitting(String text, int max, UnaryOperator<String> render) {
        requirePositive(max);
        List<String> rendered = new ArrayList<>();
        for (String piece : split(text, max)) {
            addFitting(piece, max, max, render, rendered);
        }
        return rendered;
    }

    private static void addFitting(String piece, int pieceMax, int max, UnaryOperator<String> render,
                                   List<String> out) {
        String rendered = render.apply(piece);
        if (rendered.length() <= max) {
            out.add(rendered);
            return;
        }
        int smaller = Math.max(1, Math.min(pieceMax - 1, (int) ((long) pieceMax * max / rendered.length())));
        if (smaller == pieceMax) {
            throw new IllegalArgumentException("a single character renders longer than " + max);
        }
        for (String part : split(piece, smaller)) {
            addFitting(part, smaller, max, render, out);
        }
    }

    /**
     * Wraps each line of the text at word boundaries to at most {@code width} columns not counting the
     * {@code indent} that prefixes every output line. Words longer than the width (URLs) stay whole on their own line.
     */
    public static String wrap(String text, int width, String indent) {
        requirePositive(width);
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int column = 0;
            out.append(indent);
            for (String word : line.split("\\s+")) {
                if (column > 0 && column + 1 + word.length() > width) {
                    out.append('\n').append(indent);
                    column = 0;
                } else if (column > 0) {
                    out.append(' ');
                    column++;
                }
                out.append(word);
                column += word.length();
            }
        }
        return out.toString();
    }

    /**
     * The text with line ends normalised to {@code \n} and other control characters (terminal escape
     * sequences, NUL) removed; tabs become spaces. Content comes from files and APIs we do not control.
     */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ');
        StringBuilder out = new StringBuilder(normalised.length());
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            if (c == '\n' || !Character.isISOControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The text on one line: every run of white space, line ends included, becomes one space. */
    public static String oneLine(String text) {
        return clean(text).strip().replaceAll("\\s+", " ");
    }

    /** The non-blank lines of the text, each on one line, joined with {@code separator} (" · " for attributions). */
    public static String joinLines(String text, String separator) {
        return java.util.Arrays.stream(clean(text).split("\n")).map(PlainText::oneLine)
                .filter(line -> !line.isEmpty()).collect(java.util.stream.Collectors.joining(separator));
    }

    private static int lastParagraphEnd(String text, int limit, int minimum) {
        int at = text.lastIndexOf("\n\n", Math.min(limit, text.length()));
        return at >= Math.max(minimum, 1) ? at : -1;
    }

    /** The end (exclusive) of the last sentence that ends within {@code limit} and not before {@code minimum}. */
    private static int lastSentenceEnd(String text, int limit, int minimum) {
        int end = Math.min(limit, text.length());
        for (int i = end - 1; i >= Math.max(minimum - 1, 0); i--) {
            char c = text.charAt(i);
            if (c == '\n' && i + 1 < text.length() && text.charAt(i + 1) == '\n' && i >= minimum) {
                return i;
            }
            if (c == '。' || c == '！' || c == '？') {
                return i + 1;
            }
            if (c != '.' && c != '!' && c != '?') {
                continue;
            }
            int after = i + 1;
            while (after < text.length() && after < end && isCloser(text.charAt(after))) {
                after++;
            }
            boolean endsHere = after == text.length() || Character.isWhitespace(text.charAt(after));
            if (endsHere && after <= end && after >= minimum && !(c == '.' && isAbbreviation(text, i))) {
                return after;
            }
        }
        return -1;
    }

    private static boolean isCloser(char c) {
        return c == ')' || c == ']' || c == '"' || c == '\'' || c == '”' || c == '’' || c == '»';
    }

    private static boolean isAbbreviation(String text, int period) {
        int start = period;
        while (start > 0 && (Character.isLetter(text.charAt(start - 1)) || text.charAt(start - 1) == '.')) {
            start--;
        }
        String word = text.substring(start, period).toLowerCase(java.util.Locale.ROOT);
        // A single capital letter before the period is an initial ("J. Smith").
        return ABBREVIATIONS.contains(word) || (word.length() == 1 && Character.isUpperCase(text.charAt(start)));
    }

    /** The index of the last white space at or before {@code limit} and not before {@code minimum}. */
    private static int lastWordBoundary(String text, int limit, int minimum) {
        for (int i = Math.min(limit, text.length() - 1); i >= minimum; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int safeCut(String text, int limit) {
        int cut = Math.min(limit, text.length());
        if (cut > 0 && cut < text.length() && Character.isHighSurrogate(text.charAt(cut - 1))
                && Character.isLowSurrogate(text.charAt(cut))) {
            cut--;
        }
        return cut;
    }

    private static String stripTrailingPunctuation(String text) {
        int end = text.length();
        while (end > 0 && (Character.isWhitespace(text.charAt(end - 1)) || ",;:-–—(".indexOf(text.charAt(end - 1)) >= 0)) {
            end--;
        }
        return text.substring(0, end);
    }

    private static void requirePositive(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("a limit must be at least 1: " + max);
        }
    }
}
