package dev.paperboy.search;

import static dev.paperboy.search.Papers.library;
import static dev.paperboy.search.Papers.paper;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.SearchPage;
import dev.paperboy.core.SearchRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code au:} names that are good words but not the person meant, names with a suffix, and their ranking. */
class PersonCorrectionsTest {

    private final LuceneSearchIndex index = new LuceneSearchIndex();

    @BeforeEach
    void load() throws Exception {
        index.libraryChanging(library(
                paper("2401.00001").title("Convolutions").authors("Yann LeCun", "Leon Bottou"),
                paper("2401.00002").title("Stars").authors("L. Yan"),
                paper("2401.00003").title("Residuals").authors("Kaiming He", "Jian Sun"),
                paper("2401.00004").title("Kernels").authors("K. He"),
                paper("2401.00005").title("Galaxies").authors("Russell E. Ryan, Jr.", "Ann Lee"),
                paper("2401.00006").title("Quasars").authors("Russell Ryan", "Ann Lee", "Bo Chen", "Cy Dunn", "Di Ek",
                        "Ed Fox", "Flo Gu", "Gus Ho", "Ida Ito", "Jo Ju", "Ka Ko", "Lu Li", "Mo Mu", "Ned Ng"),
                paper("2401.00007").title("Nebulae").authors("B. R. Ryan")));
    }

    @AfterEach
    void close() {
        index.close();
    }

    private SearchPage search(String query) {
        return index.search(new SearchRequest(query, 1, 100));
    }

    private List<String> ids(SearchPage page) {
        return page.hits().stream().map(h -> h.paper().paper().arxivId()).toList();
    }

    @Test
    void aGivenNameOneLetterOffIsCorrectedThoughItIsAName() {
        SearchPage page = search("au:\"Yan LeCun\"");
        assertThat(page.correctedQuery()).isEqualTo("au:\"Yann LeCun\"");
        assertThat(ids(page)).containsExactly("2401.00001");
    }

    @Test
    void aGivenNameNoPaperListsIsCorrectedEvenWhenItsInitialFindsSome() {
        SearchPage page = search("au:\"Kaming He\"");
        assertThat(page.correctedQuery()).isEqualTo("au:\"Kaiming He\"");
        assertThat(ids(page)).as("Kaiming He as listed first, then K. He").containsExactly("2401.00003", "2401.00004");
        assertThat(search("au:\"Kaiming He\"").correctedQuery()).as("listed as typed").isNull();
        assertThat(search("au:\"Karl He\"").correctedQuery()).as("no near name with that last name").isNull();
    }

    @Test
    void aLastNameOneLetterOffIsCorrectedThoughItIsAName() throws Exception {
        index.libraryChanging(library(paper("2401.00001").title("Residuals").authors("Kaiming He"),
                paper("2401.00002").title("Birds").authors("Mi Hee"),
                paper("2401.00003").title("Robots").authors("Sergey Levine", "Ann Levin")));

        assertThat(search("au:\"Kaiming Hee\"").correctedQuery()).isEqualTo("au:\"Kaiming He\"");
        assertThat(search("au:\"Sergey Levin\"").correctedQuery()).isEqualTo("au:\"Sergey Levine\"");
        assertThat(search("au:\"Sergey LEVIN\"").correctedQuery()).as("in the case typed")
                .isEqualTo("au:\"Sergey LEVINE\"");
        assertThat(search("au:\"Ann Levin\"").correctedQuery()).as("listed as typed").isNull();
    }

    @Test
    void aNameThatFindsMoreTheOtherWayRoundSaysSo() throws Exception {
        index.libraryChanging(library(paper("2401.00001").title("Vision").authors("Fei-Fei Li"),
                paper("2401.00002").title("Images").authors("Li Fei-Fei"),
                paper("2401.00003").title("Scenes").authors("Li Fei-Fei", "Bo Chen")));

        assertThat(search("au:\"Fei-Fei Li\"").problems())
                .containsExactly("The name the other way round finds 2 papers: au:\"Li Fei-Fei\"");
        assertThat(search("au:\"Li Fei-Fei\"").problems()).as("finds more as typed").isEmpty();
        assertThat(search("au:\"Fei-Fei Li\" vision").problems()).as("the rest of the query counts").isEmpty();
    }

    @Test
    void aCorrectedNameKeepsTheCapitalsTypedBeforeTheEdit() {
        assertThat(search("au:\"Yann LeCunn\"").correctedQuery()).isEqualTo("au:\"Yann LeCun\"");
        assertThat(SpellingCorrector.matchCase("LeCnu", "lecun")).isEqualTo("LeCun");
        assertThat(SpellingCorrector.matchCase("LeCunn", "lecun")).isEqualTo("LeCun");
        assertThat(SpellingCorrector.matchCase("DeepMnid", "deepmind")).isEqualTo("DeepMind");
        assertThat(SpellingCorrector.matchCase("McDonlad", "mcdowell")).as("capitals only up to the edit")
                .isEqualTo("McDowell");
    }

    @Test
    void aSwappedNameMustBeListedWithTheOldLastNameInFull() {
        assertThat(search("au:\"LeCun Yann\"").correctedQuery()).isEqualTo("au:\"Yann LeCun\"");
        assertThat(search("au:\"He K.\"").correctedQuery()).as("an initial typed last still stands for a name")
                .isEqualTo("au:\"K. He\"");
    }

    @Test
    void aSwappedNameIsNotTriedWhenItsNewGivenNameWouldOnlyBeAnInitial() throws Exception {
        index.libraryChanging(library(paper("2401.00002").title("Stars").authors("L. Yan"),
                paper("2401.00008").title("Moons").authors("Yan Li")));

        SearchPage page = search("au:\"Yan LeCun\"");

        assertThat(page.correctedQuery()).as("LeCun is not the L. of L. Yan").isNull();
        assertThat(page.hits()).isEmpty();
    }

    @Test
    void aSuffixAfterACommaIsPartOfTheNameNotACatalogueOrder() {
        assertThat(ids(search("au:\"Russell E. Ryan, Jr.\""))).containsExactly("2401.00005");
        assertThat(ids(search("au:\"Ryan, Russell\""))).contains("2401.00005", "2401.00006");
    }

    @Test
    void aNameAsTypedRanksAboveAnInitialMatchedThroughAMiddleName() {
        List<String> found = ids(search("au:\"Russell Ryan\""));
        assertThat(found).containsExactlyInAnyOrder("2401.00005", "2401.00006", "2401.00007");
        assertThat(found).as("B. R. Ryan last, though his author list is the shortest").last().isEqualTo("2401.00007");
    }
}
