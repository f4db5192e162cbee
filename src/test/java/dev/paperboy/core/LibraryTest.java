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
    void loosePapersAreCountedButNotHeldAndADigestShadowsTheSamePaperInADump() {
        Paper loose = new Paper("2401.00001", 2, "Loose", List.of("A"), "", "", List.of("cs.CV"),
                LocalDate.parse("2024-01-02"), null, List.of());
        Paper alsoInADigest = paper("2211.00001", "Vision Transformers, as the dump has it");
        Paper copy = new Paper("2401.00001", 3, "Loose, a later copy", List.of(), "", "", List.of(),
                LocalDate.parse("2025-01-01"), null, List.of());
        Library withLoose = Library.of(library.digests(), List.of(loose, alsoInADigest, copy));

        assertThat(withLoose.paperCount()).isEqualTo(4);
        assertThat(withLoose.digestPapers()).extracting(LibraryPaper::key)
                .doesNotContain("arxiv:2401.00001").contains("arxiv:2211.00001");
        assertThat(withLoose.findById("2401.00001")).isEmpty();
        assertThat(withLoose.findById("2211.00001")).get().extracting(p -> p.paper().title())
                .isEqualTo("Vision Transformers at Scale");
        assertThat(Loose.papers(withLoose.loosePapers())).containsExactly(loose, alsoInADigest, copy);
        assertThat(withLoose.newestDate()).isEqualTo(LocalDate.parse("2025-01-01"));
        assertThat(withLoose.topics()).hasSize(2);
        // the first of two copies counts: the later one is no change
        assertThat(withLoose.changesSince(Library.of(library.digests(), List.of(loose))).summary())
                .isEqualTo("nothing changed");
    }

    @Test
    void changesCountLoosePapersAddedRemovedAndChanged() {
        Paper one = paper("2401.00001", "One");
        Paper two = paper("2401.00002", "Two");
        Library before = Library.of(List.of(), List.of(one, two));
        Library after = Library.of(List.of(), List.of(paper("2401.00001", "One, revised"), paper("2401.00003", "Three")));

        assertThat(after.changesSince(before)).isEqualTo(new LibraryChanges(0, 0, 0, 1, 1, 1));
        // a paper that moves from a dump into a digest is changed (it gains a topic), not added
        Library listed = Library.of(List.of(digest("Vision Transformer", "2022-11-14", one)), List.of(one, two));
        assertThat(listed.changesSince(before)).isEqualTo(new LibraryChanges(1, 0, 0, 0, 0, 1));
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
