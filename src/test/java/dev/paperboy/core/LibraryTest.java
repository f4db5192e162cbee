package dev.paperboy.core;

import static dev.paperboy.core.Fixtures.digest;
import static dev.paperboy.core.Fixtures.paper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LibraryTest {

    private final Paper vit = paper("2211.00001", "Vision Transformers at Scale");
    private final Paper click = paper(null, "Clicking with Transformers");
    private final Library library = Library.of(List.of(
            digest("Vision Transformer", "2022-11-14", vit),
            digest("Vision Transformer", "2022-11-15", click),
            digest("Speech", "2022-11-15", paper("2211.00003", "Listening Machines"), vit)), List.of());

    @Test
    void digestsAreNewestFirstAndTopicsCaseInsensitive() {
        assertThat(library.digests()).extracting(Digest::date).extracting(LocalDate::toString)
                .containsExactly("2022-11-15", "2022-11-15", "2022-11-14");
        assertThat(library.findTopic("vision  transformer")).contains("Vision Transformer");
        assertThat(library.findTopic("vision-transformer")).contains("Vision Transformer");
        assertThat(library.findTopic("Physics")).isEmpty();
        assertThat(library.latest("VISION TRANSFORMER")).get().extracting(Digest::date)
                .isEqualTo(LocalDate.parse("2022-11-15"));
        assertThat(library.latest(null)).isPresent();
    }

    @Test
    void aPaperInSeveralDigestsIsOnePaperWithAllItsTopicsAndItsFirstDay() {
        assertThat(library.paperCount()).isEqualTo(3);
        LibraryPaper found = library.findById("arXiv:2211.00001v3").orElseThrow();
        assertThat(found.topics()).containsExactlyInAnyOrder("Vision Transformer", "Speech");
        assertThat(found.date()).isEqualTo(LocalDate.parse("2022-11-14"));
    }

    @Test
    void papersWithoutIdAreKeyedByTheirNormalisedTitle() {
        assertThat(library.findByKey("title:" + Paper.normaliseTitle("CLICKING   with transformers!")))
                .isPresent();
    }

    @Test
    void topicsCountDigestsAndPapers() {
        assertThat(library.topics()).containsExactly(
                new TopicSummary("Speech", 1, 2, LocalDate.parse("2022-11-15")),
                new TopicSummary("Vision Transformer", 2, 2, LocalDate.parse("2022-11-15")));
        assertThat(library.topicNames()).containsExactly("Speech", "Vision Transformer");
    }

    @Test
    void loosePapersAreFoundButBelongToNoTopic() {
        Paper loose = new Paper("2401.00001", 2, "Loose", List.of("A"), "", "", List.of("cs.CV"),
                LocalDate.parse("2024-01-02"), null, List.of());
        Library withLoose = Library.of(List.of(), List.of(loose));
        assertThat(withLoose.findById("2401.00001")).get()
                .satisfies(p -> assertThat(p.topics()).isEmpty())
                .satisfies(p -> assertThat(p.date()).isEqualTo(LocalDate.parse("2024-01-02")));
        assertThat(withLoose.topics()).isEmpty();
    }

    @Test
    void changesCountAddedRemovedAndChanged() {
        Library next = Library.of(List.of(
                digest("Vision Transformer", "2022-11-14", vit, paper("2211.00009", "New One")),
                digest("Robots", "2022-11-16", paper("2211.00010", "Robots Again"))), List.of());
        LibraryChanges changes = next.changesSince(library);
        assertThat(changes).isEqualTo(new LibraryChanges(1, 2, 1, 2, 2, 1));
        assertThat(changes.summary()).isEqualTo("digests +1 -2 ~1, papers +2 -2 ~1 (added, removed, changed)");
        assertThat(library.changesSince(library).none()).isTrue();
    }

    @Test
    void paperValidatesAndNormalisesItsId() {
        Paper versioned = Paper.of("https://arxiv.org/abs/2211.07638v2", "T", List.of(), "", "");
        assertThat(versioned.arxivId()).isEqualTo("2211.07638");
        assertThat(versioned.version()).isEqualTo(2);
        assertThat(versioned.absUrl()).isEqualTo("https://arxiv.org/abs/2211.07638");
        assertThat(Paper.of("hep-th/9901001v1", "Old", List.of(), "", "").arxivId()).isEqualTo("hep-th/9901001");
        assertThatThrownBy(() -> Paper.of("not-an-id", "T", List.of(), "", ""))
                .hasMessageContaining("not an arXiv id");
        assertThatThrownBy(() -> Paper.of(null, "  ", List.of(), "", "")).hasMessageContaining("title");
    }
}
