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

/** {@code au:} and hyphenated given names: "An-Lan Wang" is one person, "An Wang" another. */
class HyphenatedNamesTest {

    private final LuceneSearchIndex index = new LuceneSearchIndex();

    @BeforeEach
    void load() throws Exception {
        index.libraryChanging(library(
                paper("2401.00001").title("One").authors("An-Lan Wang"),
                paper("2401.00002").title("Two").authors("An Wang"),
                paper("2401.00003").title("Three").authors("Ming-Hsuan Yang", "Bo Li"),
                paper("2401.00004").title("Four").authors("Ming Yang"),
                paper("2401.00005").title("Five").authors("M.-H. Yang"),
                paper("2401.00006").title("Six").authors("Ming Hsuan Yang"),
                paper("2401.00007").title("Seven").authors("Anna Smith-Jones"),
                paper("2401.00008").title("Eight").authors("Yann André LeCun"),
                paper("2401.00009").title("Nine").authors("M. Yang"),
                paper("2401.00010").title("Ten").authors("Ming Yang Ho"),
                paper("2401.00011").title("Eleven").authors("M. H. Yang"),
                paper("2401.00012").title("Twelve").authors("Hong-Tao Yu"),
                paper("2401.00013").title("Thirteen").authors("H. Yu"),
                paper("2401.00014").title("Fourteen").authors("H.-T. Yu"),
                paper("2401.00015").title("Fifteen").authors("Zoe Baker-Lee (MIT)", "Anna Smith-Jones Jr."),
                paper("2401.00016").title("Sixteen").authors("Luis García-Pérez López"),
                paper("2401.00017").title("Seventeen").authors("M-H Yang"),
                paper("2401.00018").title("Eighteen").authors("Ming–Hsuan Yang", "Ann-D'Arcy Smith")));
    }

    @AfterEach
    void close() {
        index.close();
    }

    private SearchPage search(String query) {
        return index.search(new SearchRequest(query, 1, 100));
    }

    private List<String> ids(String query) {
        return search(query).hits().stream().map(h -> h.paper().paper().arxivId()).toList();
    }

    @Test
    void aGivenNameIsNotHalfOfAHyphenatedOne() {
        assertThat(ids("au:\"An Wang\"")).containsExactly("2401.00002");
        assertThat(ids("au:\"Ming Yang\""))
                .as("not Ming-Hsuan Yang; but Hsuan apart may be a middle name, and initials are anyone's")
                .containsExactlyInAnyOrder("2401.00004", "2401.00005", "2401.00006", "2401.00009", "2401.00010",
                        "2401.00011");
        assertThat(ids("au:\"An-Lan Wang\"")).containsExactly("2401.00001");
        assertThat(ids("au:\"Wang, An\"")).containsExactly("2401.00002");
    }

    @Test
    void aHyphenatedGivenNameTypedApartOrWithoutTheHyphenIsTheSamePerson() {
        assertThat(ids("au:\"Ming-Hsuan Yang\"")).as("its initials as listed, not the first alone (M. Yang)")
                .containsExactlyInAnyOrder("2401.00003", "2401.00005", "2401.00006", "2401.00011", "2401.00017",
                        "2401.00018");
        assertThat(ids("au:\"Ming Hsuan Yang\"")).containsExactlyInAnyOrder("2401.00003", "2401.00005", "2401.00006",
                "2401.00011", "2401.00018");
        assertThat(ids("au:Ming-Hsuan")).containsExactlyInAnyOrder("2401.00003", "2401.00006", "2401.00018");
    }

    @Test
    void initialsStandForTheHyphenatedName() {
        assertThat(ids("au:\"M.-H. Yang\"")).as("the names in the order typed, not Ming Yang Ho")
                .containsExactlyInAnyOrder("2401.00003", "2401.00005", "2401.00006", "2401.00011", "2401.00017",
                        "2401.00018");
        assertThat(ids("au:\"M. H. Yang\"")).containsExactlyInAnyOrder("2401.00003", "2401.00005", "2401.00006",
                "2401.00011", "2401.00017", "2401.00018");
        assertThat(ids("au:\"M. Yang\"")).as("the first initial alone is still any M. Yang")
                .containsExactlyInAnyOrder("2401.00003", "2401.00004", "2401.00005", "2401.00006", "2401.00009",
                        "2401.00010", "2401.00011", "2401.00017", "2401.00018");
        assertThat(ids("au:\"A. Wang\"")).containsExactlyInAnyOrder("2401.00001", "2401.00002");
        assertThat(ids("au:\"A. L. Wang\"")).containsExactly("2401.00001");
    }

    @Test
    void aHyphenatedGivenNameTypedInFullIsItsInitialsNotItsFirstAlone() {
        assertThat(ids("au:\"Hong-Tao Yu\"")).containsExactlyInAnyOrder("2401.00012", "2401.00014");
        assertThat(ids("au:\"H. Yu\"")).containsExactlyInAnyOrder("2401.00012", "2401.00013", "2401.00014");
    }

    @Test
    void aHyphenatedLastNameKeepsItsParts() {
        assertThat(ids("au:Smith-Jones")).containsExactlyInAnyOrder("2401.00007", "2401.00015");
        assertThat(ids("au:Jones")).containsExactlyInAnyOrder("2401.00007", "2401.00015");
        assertThat(ids("au:\"Anna Smith-Jones\"")).containsExactlyInAnyOrder("2401.00007", "2401.00015");
    }

    @Test
    void onlyTheFirstWordOfANameIsAGivenName() {
        assertThat(ids("au:Lee")).containsExactly("2401.00015");
        assertThat(ids("au:\"Zoe Baker-Lee\"")).containsExactly("2401.00015");
        assertThat(ids("au:\"Anna Smith-Jones \"")).as("a space typed after the name")
                .containsExactlyInAnyOrder("2401.00007", "2401.00015");
        assertThat(ids("au:Pérez")).containsExactly("2401.00016");
        assertThat(ids("au:\"Luis García\"")).containsExactly("2401.00016");
    }

    @Test
    void anEnDashOrAnApostropheDoesNotPartAGivenName() {
        assertThat(ids("au:\"Ming Yang\"")).doesNotContain("2401.00018");
        assertThat(ids("au:\"Ann Smith\"")).doesNotContain("2401.00018");
        assertThat(ids("au:\"Ann-D'Arcy Smith\"")).containsExactly("2401.00018");
    }

    @Test
    void initialsWithoutDotsOrMixedWithNamesStandForTheHyphenatedName() {
        assertThat(ids("au:\"M-H Yang\"")).containsExactlyInAnyOrder("2401.00003", "2401.00005", "2401.00006",
                "2401.00011", "2401.00017", "2401.00018");
        assertThat(ids("au:\"Ming-Hsuan Yang\"")).contains("2401.00017");
        assertThat(ids("au:\"Ming H. Yang\"")).contains("2401.00003", "2401.00006", "2401.00018")
                .doesNotContain("2401.00004", "2401.00009");
        assertThat(ids("au:\"M. Hsuan Yang\"")).contains("2401.00003", "2401.00006", "2401.00018")
                .doesNotContain("2401.00004", "2401.00009");
    }

    @Test
    void theNameAsTypedRanksFirst() {
        assertThat(ids("au:\"Ming-Hsuan Yang\"")).first().isIn("2401.00003", "2401.00018");
        assertThat(ids("au:\"Ming-Hsuan Yang\"").subList(0, 2)).containsExactlyInAnyOrder("2401.00003",
                "2401.00018");
        assertThat(ids("au:\"Hong-Tao Yu\"")).containsExactly("2401.00012", "2401.00014");
        assertThat(ids("au:\"Ming Hsuan Yang\"")).first().isEqualTo("2401.00006");
    }

    @Test
    void aMiddleNameTypedApartStillStandsBetween() {
        assertThat(ids("au:\"Yann LeCun\"")).containsExactly("2401.00008");
    }

    @Test
    void plainWordsFindEveryPartOfTheName() {
        assertThat(ids("hsuan")).containsExactlyInAnyOrder("2401.00003", "2401.00006", "2401.00018");
        assertThat(ids("Ming-Hsuan Yang")).startsWith("2401.00003").contains("2401.00006");
    }

    @Test
    void theMatchedAuthorIsNamedWhicheverWayTheNameWasTyped() {
        assertThat(search("au:\"M. H. Yang\"").hits()).filteredOn(h -> h.paper().paper().arxivId().equals("2401.00003"))
                .singleElement().satisfies(h -> assertThat(h.matchedAuthors()).containsExactly("Ming-Hsuan Yang"));
        assertThat(search("au:\"Ming-Hsuan Yang\"").hits())
                .filteredOn(h -> h.paper().paper().arxivId().equals("2401.00006"))
                .singleElement().satisfies(h -> assertThat(h.matchedAuthors()).containsExactly("Ming Hsuan Yang"));
        assertThat(search("au:\"Bo Li\"").hits()).singleElement().satisfies(h -> assertThat(h.matchedAuthors())
                .containsExactly("Bo Li"));
    }

    @Test
    void halfOfAHyphenatedGivenNameIsNotNamedAsTheMatchedAuthor() throws Exception {
        index.libraryChanging(library(paper("2401.00001").title("One").authors("Ming-Hsuan Yang", "Ming Yang")));

        assertThat(search("au:\"Ming Yang\"").hits()).singleElement()
                .satisfies(h -> assertThat(h.matchedAuthors()).containsExactly("Ming Yang"));
        assertThat(search("au:\"M. Yang\"").hits()).singleElement()
                .satisfies(h -> assertThat(h.matchedAuthors()).containsExactly("Ming-Hsuan Yang", "Ming Yang"));
        assertThat(search("au:\"Ming Hsuan Yang\"").hits()).singleElement()
                .satisfies(h -> assertThat(h.matchedAuthors()).containsExactly("Ming-Hsuan Yang"));
    }

    @Test
    void aMisspeltHyphenatedNameIsCorrectedAsTyped() {
        SearchPage page = search("au:\"An-Lna Wang\"");

        assertThat(page.correctedQuery()).isEqualTo("au:\"An-Lan Wang\"");
        assertThat(page.hits()).extracting(h -> h.paper().paper().arxivId()).containsExactly("2401.00001");
        assertThat(search("au:Smith-Jnoes").correctedQuery()).as("a last name's parts, each corrected")
                .isEqualTo("au:Smith-Jones");
        assertThat(search("au:\"Wang, An-Lna\"").correctedQuery()).as("a catalogue's order")
                .isEqualTo("au:\"Wang, An-Lan\"");
        assertThat(search("au:\"Yann LeCnu\"").correctedQuery()).as("the case as typed, letter by letter")
                .isEqualTo("au:\"Yann LeCun\"");
    }

    @Test
    void aLastNameTypedFirstWithoutTheCommaIsSearchedTheOtherWayRound() {
        SearchPage page = search("eight au:\"LeCun Yann\"");

        assertThat(page.correctedQuery()).isEqualTo("eight au:\"Yann LeCun\"");
        assertThat(search("au:\"Yang Ming\"").correctedQuery()).isEqualTo("au:\"Ming Yang\"");
        assertThat(search("au:\"Wang Nobody\"").correctedQuery()).as("nobody either way").isNull();
    }
}
