package dev.paperboy.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypedTextTest {

    @Test
    void shortTextIsShownAsTyped() {
        assertThat(TypedText.shown("vit", 3)).isEqualTo("vit");
    }

    @Test
    void longTextIsCutWithAnEllipsis() {
        assertThat(TypedText.shown("vision transformer", 6)).isEqualTo("vision…");
    }

    @Test
    void aCutNeverSplitsAnEmoji() {
        assertThat(TypedText.shown("ab💥c", 3)).isEqualTo("ab…");
        assertThat(TypedText.shown("ab💥c", 4)).isEqualTo("ab💥…");
    }
}
