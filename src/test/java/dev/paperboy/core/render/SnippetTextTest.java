package dev.paperboy.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.Snippet;
import dev.paperboy.core.Snippet.Span;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SnippetTextTest {

    private static final Snippet SNIPPET = new Snippet(List.of(new Span("We train a ", false),
            new Span(" vision ", true), new Span("transformer", true), new Span(" on   many\nimages today.", false)));

    @Test
    void rendersHighlightsWithWhiteSpaceOutsideTheEmphasis() {
        assertThat(SnippetText.render(SNIPPET, Function.identity(), s -> "**" + s + "**"))
                .isEqualTo("We train a **vision transformer** on many images today.");
    }

    @Test
    void shortensAtAWordKeepingHighlights() {
        Snippet shortened = SnippetText.shorten(SNIPPET, 33);

        assertThat(shortened.plainText().length()).isLessThanOrEqualTo(33);
        assertThat(SnippetText.render(shortened, Function.identity(), s -> "*" + s + "*"))
                .isEqualTo("We train a *vision transformer* on…");
        assertThat(SnippetText.render(SnippetText.shorten(SNIPPET, 20), Function.identity(), s -> "*" + s + "*"))
                .isEqualTo("We train a *vision*…");
    }
}
