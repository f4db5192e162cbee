package dev.paperboy.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArxivIdsTest {

    @ParameterizedTest
    @CsvSource({
        "2211.07638, 2211.07638, 0",
        "2211.07638v2, 2211.07638, 2",
        "0704.0001, 0704.0001, 0",
        "arXiv:2211.07638v3, 2211.07638, 3",
        "https://arxiv.org/abs/2211.07638v1, 2211.07638, 1",
        "arxiv.org/pdf/2211.07638.pdf, 2211.07638, 0",
        "https://export.arxiv.org/html/2211.07638v2/?context=cs, 2211.07638, 2",
        "' 2211.07638 ', 2211.07638, 0",
        "hep-th/9901001, hep-th/9901001, 0",
        "HEP-TH/9901001v2, hep-th/9901001, 2",
        "math.GT/0309136, math/0309136, 0",
        "https://arxiv.org/abs/math.GT/0309136v1, math/0309136, 1",
        "cond-mat.str-el/0101001, cond-mat/0101001, 0",
        "https://doi.org/10.48550/arXiv.2312.00273, 2312.00273, 0",
        "10.48550/arXiv.2312.00273, 2312.00273, 0",
        "doi:10.48550/ARXIV.2312.00273, 2312.00273, 0",
        "https://www.alphaxiv.org/abs/2312.00273v2, 2312.00273, 2",
        "alphaxiv.org/overview/2312.00273, 2312.00273, 0",
        "https://huggingface.co/papers/2312.00273, 2312.00273, 0",
        "https://ar5iv.labs.arxiv.org/html/2312.00273, 2312.00273, 0",
        "https://ar5iv.org/abs/2312.00273v1, 2312.00273, 1",
        "hf.co/papers/2312.00273, 2312.00273, 0"})
    void normalisesTheFormsPeoplePaste(String typed, String id, int version) {
        assertThat(ArxivIds.normalise(typed)).hasValue(id);
        assertThat(ArxivIds.version(typed)).isEqualTo(version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2211", "2211.076", "v2", "id:2211.07638", "2211.07638x", "transformer",
        "math/030913", "https://example.org/abs/2211.07638", "2211.07638 2211.07639",
        "https://doi.org/10.1000/arXiv.2312.00273", "https://huggingface.co/models/2312.00273",
        "1234.5678", "2300.00001", "2313.12345"})
    void anythingElseIsNoId(String typed) {
        assertThat(ArxivIds.normalise(typed)).isEmpty();
        assertThat(ArxivIds.isArxivId(typed)).isFalse();
        assertThat(ArxivIds.version(typed)).isZero();
    }

    @Test
    void anOldIdWithItsSubjectClassIsThePaperOfItsArchive() {
        assertThat(Paper.of("math.GT/0309136v2", "Knots", List.of(), "", "").arxivId()).isEqualTo("math/0309136");
    }

    @Test
    void noTextIsNoId() {
        assertThat(ArxivIds.normalise(null)).isEmpty();
        assertThat(ArxivIds.version(null)).isZero();
    }
}
