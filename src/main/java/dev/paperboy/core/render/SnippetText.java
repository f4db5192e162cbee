package dev.paperboy.core.render;

import dev.paperboy.core.Snippet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Shortens search snippets without losing which words were highlighted, and renders them with a platform's emphasis. */
public final class SnippetText {

    private SnippetText() {
    }

    /**
     * The snippet cut to at most {@code max} characters at a word boundary, ending in an ellipsis when
     * cut, with white space collapsed to single spaces and neighbouring spans of the same kind merged.
     */
    public static Snippet shorten(Snippet snippet, int max) {
        if (max < 2) {
            throw new IllegalArgumentException("a snippet needs at least 2 characters: " + max);
        }
        List<Snippet.Span> spans = merge(snippet);
        int total = spans.stream().mapToInt(s -> s.text().length()).sum();
        if (total <= max) {
            return new Snippet(spans);
        }
        List<Snippet.Span> kept = new ArrayList<>();
        int room = max - 1;
        for (Snippet.Span span : spans) {
            if (span.text().length() <= room) {
                kept.add(span);
                room -= span.text().length();
                continue;
            }
            String head = head(span.text(), room);
            if (!head.isEmpty()) {
                kept.add(new Snippet.Span(head, span.highlighted()));
            }
            break;
        }
        if (!kept.isEmpty()) {
            Snippet.Span last = kept.remove(kept.size() - 1);
            String text = last.text().stripTrailing();
            if (!text.isEmpty()) {
                kept.add(new Snippet.Span(text, last.highlighted()));
            }
        }
        kept.add(new Snippet.Span(PlainText.ELLIPSIS, false));
        return new Snippet(merge(new Snippet(kept)));
    }

    /**
     * Renders a snippet: plain spans through {@code escape}, highlighted ones through {@code emphasise}
     * (which escapes too), with white space kept outside the emphasis so markup such as Markdown's
     * {@code **} still applies.
     */
    public static String render(Snippet snippet, Function<String, String> escape, Function<String, String> emphasise) {
        StringBuilder out = new StringBuilder();
        for (Snippet.Span span : merge(snippet)) {
            if (!span.highlighted()) {
                out.append(escape.apply(span.text()));
                continue;
            }
            String text = span.text();
            String core = text.strip();
            if (core.isEmpty()) {
                out.append(text);
                continue;
            }
            int lead = text.indexOf(core);
            out.append(text, 0, lead).append(emphasise.apply(core)).append(text.substring(lead + core.length()));
        }
        return out.toString();
    }

    /** The beginning of the text up to {@code room} characters, cut at a word boundary when there is one. */
    private static String head(String text, int room) {
        for (int i = Math.min(room, text.length() - 1); i >= 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return text.substring(0, i).stripTrailing();
            }
        }
        int cut = Math.min(room, text.length());
        if (cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut);
    }

    private static List<Snippet.Span> merge(Snippet snippet) {
        List<Snippet.Span> merged = new ArrayList<>();
        for (Snippet.Span span : snippet.spans()) {
            String text = PlainText.clean(span.text()).replaceAll("\\s+", " ");
            int last = merged.size() - 1;
            if (last >= 0 && merged.get(last).text().endsWith(" ") && text.startsWith(" ")) {
                text = text.substring(1);
            }
            if (text.isEmpty()) {
                continue;
            }
            if (last >= 0 && merged.get(last).highlighted() == span.highlighted()) {
                merged.set(last, new Snippet.Span(merged.get(last).text() + text, span.highlighted()));
            } else {
                merged.add(new Snippet.Span(text, span.highlighted()));
            }
        }
        if (!merged.isEmpty()) {
            Snippet.Span first = merged.get(0);
            merged.set(0, new Snippet.Span(first.text().stripLeading(), first.highlighted()));
            Snippet.Span end = merged.get(merged.size() - 1);
            merged.set(merged.size() - 1, new Snippet.Span(end.text().stripTrailing(), end.highlighted()));
            merged.removeIf(s -> s.text().isEmpty());
        }
        return merged;
    }
}
