package dev.paperboy.core;

import java.util.List;
import java.util.stream.Collectors;

/** A short piece of text with the words that matched a query marked, for renderers to emphasise. */
public record Snippet(List<Span> spans) {

    /** A run of text, highlighted or not. */
    public record Span(String text, boolean highlighted) {
    }

    public Snippet {
        spans = List.copyOf(spans);
    }

    public static Snippet none() {
        return new Snippet(List.of());
    }

    public static Snippet plain(String text) {
        return text.isEmpty() ? none() : new Snippet(List.of(new Span(text, false)));
    }

    public boolean isEmpty() {
        return spans.isEmpty();
    }

    public String plainText() {
        return spans.stream().map(Span::text).collect(Collectors.joining());
    }
}
