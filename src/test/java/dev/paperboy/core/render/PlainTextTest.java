package dev.paperboy.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void leavesShortTextAlone() {
        assertThat(PlainText.shorten("Short.", 6)).isEqualTo("Short.");
    }

    @Test
    void shortensAtASentenceEnd() {
        assertThat(PlainText.shorten("One. Two three. Four five six.", 20)).isEqualTo("One. Two three. …");
    }

    @Test
    void doesNotTakeAbbreviationsForSentenceEnds() {
        String text = "We follow the protocol of Smith et al. and use it on six benchmarks to compare methods fairly.";
        assertThat(PlainText.shorten(text, 60)).isEqualTo("We follow the protocol of Smith et al. and use it on six…");
    }

    @Test
    void shortensAtAWordBoundaryWhenNoSentenceEndsInReach() {
        assertThat(PlainText.shorten("alpha beta gamma delta", 12)).isEqualTo("alpha beta…");
        assertThat(PlainText.shorten("alpha, beta gamma", 10)).isEqualTo("alpha…");
    }

    @Test
    void cutsHardWithoutSplittingASurrogatePair() {
        assertThat(PlainText.shorten("😀😀😀😀", 4)).isEqualTo("😀…");
        assertThat(PlainText.shorten("😀😀😀😀", 2)).isEqualTo("…");
        assertThat(PlainText.shorten("abcdefgh", 5)).isEqualTo("abcd…");
        assertThat(PlainText.shorten("abc", 1)).isEqualTo("…");
    }

    @Test
    void splitsAtParagraphsThenSentencesThenWordsThenAnywhere() {
        assertThat(PlainText.split("First paragraph here.\n\nSecond one.", 25))
                .containsExactly("First paragraph here.", "Second one.");
        assertThat(PlainText.split("One two. Three four five. Six.", 20))
                .containsExactly("One two.", "Three four five.", "Six.");
        assertThat(PlainText.split("One two. Three four five six seven.", 18))
                .containsExactly("One two.", "Three four five", "six seven.");
        assertThat(PlainText.split("Hi. Three four five six seven.", 18))
                .as("a sentence end that leaves the piece nearly empty is passed over")
                .containsExactly("Hi. Three four", "five six seven.");
        assertThat(PlainText.split("abcdefghij", 4)).containsExactly("abcd", "efgh", "ij");
        assertThat(PlainText.split("😀😀😀", 3)).containsExactly("😀", "😀", "😀");
        assertThat(PlainText.split("   ", 3)).isEmpty();
    }

    @Test
    void splitsAndShortensRandomTextWithinTheLimitKeepingEveryWord() {
        Random random = new Random(42);
        String[] words = {"a", "transformer", "😀", "patch.", "attention!", "(ViT)", "e.g.", "x".repeat(40), "\n\n",
                "token,", "é", "?"};
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder();
            int count = random.nextInt(200);
            for (int i = 0; i < count; i++) {
                text.append(words[random.nextInt(words.length)]).append(random.nextInt(5) == 0 ? "" : " ");
            }
            int max = 2 + random.nextInt(120);
            List<String> pieces = PlainText.split(text.toString(), max);
            assertThat(pieces).allSatisfy(piece -> {
                assertThat(piece.length()).isLessThanOrEqualTo(max);
                assertThat(piece).isNotBlank();
                assertWellFormed(piece);
            });
            assertThat(String.join("", pieces).replaceAll("\\s+", ""))
                    .isEqualTo(text.toString().replaceAll("\\s+", ""));
            String shortened = PlainText.shorten(text.toString(), max);
            assertThat(shortened.length()).isLessThanOrEqualTo(max);
            assertWellFormed(shortened);
        }
    }

    @Test
    void fitsRenderedTextThatEscapingMakesLonger() {
        String text = "Tom & Jerry & Spike & Tyke & Butch & Toodles.";
        String fitted = PlainText.fit(text, 40, PlainTextTest::escape);
        assertThat(fitted.length()).isLessThanOrEqualTo(40);
        assertThat(fitted).endsWith("…").doesNotEndWith("&amp…").doesNotContain("&a…");
        assertThat(PlainText.fit("plain", 40, PlainTextTest::escape)).isEqualTo("plain");
        assertThatIllegalArgumentException().isThrownBy(() -> PlainText.fit("abc", 3, t -> "<b>" + t + "</b>"));
    }

    @Test
    void splitsRenderedTextIntoPiecesThatFitAfterEscaping() {
        String text = "&&&&& &&&&& &&&&&. <<<<< >>>>>. " + "&".repeat(50);
        List<String> pieces = PlainText.splitFitting(text, 30, PlainTextTest::escape);
        assertThat(pieces).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(30));
        assertThat(String.join("", pieces).replace(" ", "")).isEqualTo(escape(text.replace(" ", "")));
    }

    @Test
    void wrapsAtWordsKeepingLongWordsWhole() {
        String wrapped = PlainText.wrap("aaa bbb ccc ddd https://example.org/a/very/long/url eee", 9, "  ");
        assertThat(wrapped).isEqualTo("  aaa bbb\n  ccc ddd\n  https://example.org/a/very/long/url\n  eee");
    }

    @Test
    void cleansControlCharactersAndJoinsLines() {
        assertThat(PlainText.clean("a\r\nb\u001b[31m\tc\u0000")).isEqualTo("a\nb[31m c");
        assertThat(PlainText.oneLine("  a \n\n b  ")).isEqualTo("a b");
        assertThat(PlainText.joinLines("Author: X\n\n Licence: CC BY 4.0 ", " · "))
                .isEqualTo("Author: X · Licence: CC BY 4.0");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void assertWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertThat(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))
                        .as("lone high surrogate in %s", text).isTrue();
                i++;
            } else {
                assertThat(Character.isLowSurrogate(c)).as("lone low surrogate in %s", text).isFalse();
            }
        }
    }
}
