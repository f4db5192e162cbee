package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpellingCorrectorTest {

    @Test
    void aSwapOfNeighbouringLettersIsOneEdit() {
        assertThat(SpellingCorrector.distance("trasnformer", "transformer")).isEqualTo(1);
        assertThat(SpellingCorrector.distance("lerning", "learning")).isEqualTo(1);
        assertThat(SpellingCorrector.distance("modles", "model")).isEqualTo(2);
        assertThat(SpellingCorrector.distance("", "abc")).isEqualTo(3);
    }

    @Test
    void shortWordsAndNumbersAreNeverCorrected() {
        assertThat(SpellingCorrector.allowedEdits("gan")).isZero();
        assertThat(SpellingCorrector.allowedEdits("bert")).isEqualTo(1);
        assertThat(SpellingCorrector.allowedEdits("transformer")).isEqualTo(2);
        assertThat(SpellingCorrector.allowedEdits("gpt4")).isZero();
        assertThat(SpellingCorrector.allowedEdits("2211")).isZero();
    }
}
