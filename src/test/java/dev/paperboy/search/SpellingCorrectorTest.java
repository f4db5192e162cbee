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

    @Test
    void aSlipIsALetterLeftOutOrTwoNeighboursSwappedBeforeTheEnd() {
        assertThat(SpellingCorrector.isSlipOf("transfomer", "transformer")).isTrue();
        assertThat(SpellingCorrector.isSlipOf("segmentaion", "segmentation")).isTrue();
        assertThat(SpellingCorrector.isSlipOf("langauge", "language")).isTrue();
        assertThat(SpellingCorrector.isSlipOf("imagen", "image")).as("a letter added").isFalse();
        assertThat(SpellingCorrector.isSlipOf("informer", "informed")).as("a letter changed").isFalse();
        assertThat(SpellingCorrector.isSlipOf("weka", "weak")).as("a swap at the end of a short word").isFalse();
        assertThat(SpellingCorrector.isSlipOf("modle", "model")).isTrue();
        assertThat(SpellingCorrector.isSlipOf("imag", "image")).as("the last letter left out").isFalse();
        assertThat(SpellingCorrector.isSlipOf("defection", "detection")).isFalse();
        assertThat(SpellingCorrector.isSlipOf("model", "model")).isFalse();
    }
}
