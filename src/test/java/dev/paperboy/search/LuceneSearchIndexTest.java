package dev.paperboy.search;

import static dev.paperboy.search.Papers.library;
import static dev.paperboy.search.Papers.listed;
import static dev.paperboy.search.Papers.paper;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.Digest;
import dev.paperboy.core.DigestSource;
import dev.paperboy.core.Library;
import dev.paperboy.core.Loose;
import dev.paperboy.core.Paper;
import dev.paperboy.core.SearchHit;
import dev.paperboy.core.SearchPage;
import dev.paperboy.core.SearchRequest;
import dev.paperboy.core.Snippet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneSearchIndexTest {

    private final LuceneSearchIndex index = new LuceneSearchIndex();

    @AfterEach
    void close() {
        index.close();
    }

    private void load(Library library) throws Exception {
        index.libraryChanging(library);
    }

    private SearchPage search(String query) {
        return index.search(new SearchRequest(query, 1, 100));
    }

    private List<String> ids(String query) {
        return search(query).hits().stream().map(h -> h.paper().paper().arxivId()).toList();
    }

    @Test
    void searchBeforeTheFirstBuildFindsNothing() {
        SearchPage page = search("transformer");

        assertThat(page.hits()).isEmpty();
        assertThat(page.total()).isZero();
        assertThat(page.query()).isEqualTo("transformer");
    }

    @Test
    void findsAPaperByAWordOfItsTitleAndResolvesItAgainstTheLibrary() throws Exception {
        Library library = listed(
                paper("2401.00001").title("Sparse Transformers for Long Documents"),
                paper("2401.00002").title("Graph Networks"));
        load(library);

        SearchPage page = search("transformers");

        assertThat(page.total()).isEqualTo(1);
        assertThat(page.hits()).singleElement()
                .satisfies(h -> assertThat(h.paper()).isSameAs(library.findById("2401.00001").orElseThrow()));
    }

    @Test
    void stemmingFoldsPluralsButNotOtherWords() throws Exception {
        load(library(
                paper("2401.00001").title("A transformer"),
                paper("2401.00002").title("Many transformers"),
                paper("2401.00003").title("Learning a transformation")));

        assertThat(ids("transformer")).containsExactlyInAnyOrder("2401.00001", "2401.00002");
    }

    @Test
    void contrastiveIsNotContrast() throws Exception {
        load(library(
                paper("2401.00001").title("Contrastive pretraining"),
                paper("2401.00002").title("Vision").abs("In contrast to earlier work, we contrast two views."),
                paper("2401.00003").title("Contrasts of images")));

        assertThat(ids("contrastive")).containsExactly("2401.00001");
        assertThat(ids("contrast")).containsExactlyInAnyOrder("2401.00002", "2401.00003");
        load(library(paper("2401.00004").title("Views").abs("Contrastive views, in contrast to masks.")));
        assertThat(search("contrastive").hits().get(0).snippet().spans()).filteredOn(Snippet.Span::highlighted)
                .extracting(Snippet.Span::text).containsExactly("Contrastive");
    }

    @Test
    void languageNamesAreWordsAndASoftHyphenJoins() throws Exception {
        load(library(
                paper("2401.00001").title("A fast library").abs("We write it in C++ and in C#."),
                paper("2401.00002").title("Worms").abs("C. elegans, type C and c-fos.").authors("C. Fine"),
                paper("2401.00003").title("Fins").abs("Regrowth in zebra\u00adfish larvae."),
                paper("2401.00004").title("Compilers").abs("Programs written in F#.")));

        assertThat(ids("c++")).containsExactly("2401.00001");
        assertThat(ids("\"c++\"")).as("quoted: not the authors' initial C.").containsExactly("2401.00001");
        assertThat(ids("\"f#\"")).containsExactly("2401.00004");
        assertThat(ids("C++ library")).containsExactly("2401.00001");
        assertThat(ids("cpp")).as("as its files are named").containsExactly("2401.00001");
        assertThat(ids("c#")).containsExactly("2401.00001");
        assertThat(ids("f#")).containsExactly("2401.00004");
        assertThat(ids("c")).containsExactly("2401.00002");
        assertThat(ids("zebrafish")).containsExactly("2401.00003");
        assertThat(search("c++").hits().get(0).snippet().spans()).filteredOn(Snippet.Span::highlighted)
                .extracting(Snippet.Span::text).containsExactly("C++");
    }

    @Test
    void anAmpersandJoinsAndAColonBetweenLettersParts() throws Exception {
        load(library(
                paper("2401.00001").title("MedPlan:A Two-Stage System").abs("Answers Q&A pairs on R&D, H&E & more."),
                paper("2401.00002").title("Q-learning for A and B").abs("Fitted Q iteration, as he said."),
                paper("2401.00003").title("Stains").authors("Hande Alemdar").abs("TeX writes H\\&E and Q\\&A.")));

        assertThat(ids("q&a")).as("not each Q; TeX's too").containsExactlyInAnyOrder("2401.00001", "2401.00003");
        assertThat(ids("h&e")).as("not the word he").containsExactlyInAnyOrder("2401.00001", "2401.00003");
        assertThat(ids("he")).containsExactly("2401.00002");
        assertThat(ids("hande")).as("nor a name").containsExactly("2401.00003");
        assertThat(search("hande").hits().get(0).snippet().spans()).filteredOn(Snippet.Span::highlighted).isEmpty();
        assertThat(search("q&a stains").hits().get(0).snippet().spans()).filteredOn(Snippet.Span::highlighted)
                .extracting(Snippet.Span::text).containsExactly("Q\\&A");
        assertThat(ids("ti:medplan")).as("the title's first word").containsExactly("2401.00001");
        assertThat(ids("stage medplan")).containsExactly("2401.00001");
        assertThat(search("q&a r&d").hits().get(0).snippet().spans()).filteredOn(Snippet.Span::highlighted)
                .extracting(Snippet.Span::text).containsExactly("Q&A", "R&D");
    }

    @Nested
    class Ranking {

        @Test
        void aTitleMatchBeatsAnAbstractMatch() throws Exception {
            load(library(
                    paper("2401.00001").title("Graph networks")
                            .abs("We study diffusion on graphs. Diffusion is everywhere, and diffusion matters."),
                    paper("2401.00002").title("Diffusion models").abs("We study generative models of images.")));

            assertThat(ids("diffusion")).containsExactly("2401.00002", "2401.00001");
        }

        @Test
        void anAuthorMatchBeatsAnAbstractMatch() throws Exception {
            load(library(
                    paper("2401.00001").title("On priors").authors("Ann Other")
                            .abs("We extend the method of Hinton to new data."),
                    paper("2401.00002").title("On posteriors").authors("Geoffrey Hinton", "Bo Chen")
                            .abs("We study posteriors.")));

            assertThat(ids("hinton")).containsExactly("2401.00002", "2401.00001");
        }

        @Test
        void aWordRepeatedInTheAbstractStillWeighsLessThanOneInTheAuthorsOrTheTitle() throws Exception {
            load(library(
                    paper("2401.00001").title("Sparse attention").authors("Ada Lovelace", "Emily Fox")
                            .abs("We make attention sparse for long sequences of text and images."),
                    paper("2401.00002").title("Forgetting transformers")
                            .abs("FoX forgets. FoX is fast: FoX beats FoX-lite, and FoX-base is FoX made small."),
                    paper("2401.00003").title("The open cluster King 14").abs("We observe stars."),
                    paper("2401.00004").title("Fog of war chess")
                            .abs("The king moves; the king hides; a king in check; the king wins; long live the king.")));

            assertThat(ids("fox")).containsExactly("2401.00001", "2401.00002");
            assertThat(ids("king")).containsExactly("2401.00003", "2401.00004");
        }

        @Test
        void aNameTwoAuthorsShareCountsAsOneAuthorsName() throws Exception {
            load(library(
                    paper("2401.00001").title("Gamma rays").authors("J. Hinton", "Bo Chen", "J. A. Hinton")
                            .abs("We observe a source."),
                    paper("2401.00002").title("Gamma lines").authors("Jim Hinton").abs("We observe a source.")));

            List<SearchHit> hits = search("hinton").hits();

            assertThat(hits).hasSize(2);
            assertThat(hits.get(0).score()).as("two Hintons are not more Hinton than one").isEqualTo(hits.get(1).score());
        }

        @Test
        void anAuthorInABigCollaborationStillOutranksAWordTheAbstractRepeats() throws Exception {
            String[] collaboration = new String[300];
            for (int i = 0; i < collaboration.length; i++) {
                collaboration[i] = "Member" + i + " Person" + i;
            }
            collaboration[150] = "Ann King";
            load(library(
                    paper("2401.00001").title("Fog of war chess").authors("Bo Chen", "Di Wu")
                            .abs("The king moves; the king hides; a king in check; the king wins; long live the king."),
                    paper("2401.00002").title("A detector upgrade").authors(collaboration)
                            .abs("We describe the upgrade of a large detector and its first data.")));

            assertThat(ids("king")).as("the authors do not make the paper long").containsExactly("2401.00002",
                    "2401.00001");
        }

        @Test
        void aWordThatIsAPersonsNameRanksThatPersonsPapersAboveMentionsOfItEvenNewerOnes() throws Exception {
            String longAbstract = "We describe a large survey of many galaxies and their stars in detail. ".repeat(8);
            List<Papers> papers = new ArrayList<>(List.of(
                    paper("2601.00001").title("Fog of war chess").authors("Bo Chen").date("2026-01-10")
                            .abs("The king moves; the king hides; a king in check; the king wins; long live the king."),
                    paper("2401.00002").title("A survey of galaxies").authors("Ann King", "Di Wu").date("2024-01-10")
                            .abs(longAbstract),
                    paper("2601.00003").title("Sand dunes").authors("Cy Hills").date("2026-01-10").abs("We map dunes."),
                    paper("2401.00004").title("A survey of dunes").authors("Ed Hill").date("2024-01-10")
                            .abs(longAbstract)));
            for (int i = 0; i < 20; i++) {
                // short papers, so that the long abstracts are long ones
                papers.add(paper(String.format("2402.%05d", i)).title("Note " + i).abs("A short note."));
            }
            load(library(papers.toArray(Papers[]::new)));

            assertThat(ids("king")).containsExactly("2401.00002", "2601.00001");
            assertThat(ids("hill")).as("Hill is the name; Hills only has its stem").containsExactly("2401.00004",
                    "2601.00003");
            assertThat(ids("King")).as("typed as a name").containsExactly("2401.00002", "2601.00001");
            assertThat(ids("hill after:2023-01-01")).as("beside a filter, still one word")
                    .containsExactly("2401.00004", "2601.00003");
        }

        @Test
        void aWordTheAbstractRepeatsStillRanksAboveOneItMentionsOnce() throws Exception {
            load(library(
                    paper("2401.00001").title("On graphs").abs("Diffusion helps."),
                    paper("2401.00002").title("On graphs").abs("Diffusion helps; diffusion scales.")));

            assertThat(ids("diffusion")).containsExactly("2401.00002", "2401.00001");
        }

        @Test
        void aPaperWithAllWordsBeatsPapersWithSome() throws Exception {
            load(library(
                    paper("2401.00001").title("Protein folding").abs("Protein folding with deep networks."),
                    paper("2401.00002").title("Language models").abs("Large language models and their uses."),
                    paper("2401.00003").title("Notes").abs("A protein language model trained on sequences."),
                    paper("2401.00004").title("Protein language protein language").abs("Protein language.")));

            List<String> found = ids("protein language model");

            assertThat(found).first().isEqualTo("2401.00003");
            // every word matters: papers missing one are not results at all
            assertThat(found).containsExactly("2401.00003");
        }

        @Test
        void wordsNextToEachOtherInTheTitleWin() throws Exception {
            load(library(
                    paper("2401.00001").title("Vision for robots with a transformer"),
                    paper("2401.00002").title("A vision transformer for robots")));

            assertThat(ids("vision transformer")).first().isEqualTo("2401.00002");
        }

        @Test
        void theNewerPaperWinsATie() throws Exception {
            load(library(
                    paper("2401.00001").title("Diffusion models").date("2023-05-01"),
                    paper("2401.00003").title("Diffusion models").date("2025-05-01"),
                    paper("2401.00002").title("Diffusion models").date("2024-05-01")));

            assertThat(ids("diffusion models")).containsExactly("2401.00003", "2401.00002", "2401.00001");
        }

        @Test
        void recencyDoesNotOvertakeAClearlyBetterMatch() throws Exception {
            load(library(
                    paper("2401.00001").title("Diffusion models").date("2015-01-01"),
                    paper("2401.00002").title("Graphs").abs("Some words about diffusion models.").date("2025-01-01")));

            assertThat(ids("diffusion models")).containsExactly("2401.00001", "2401.00002");
        }

        @Test
        void anArxivIdTypedAsAWordFindsThatPaperFirst() throws Exception {
            load(library(
                    paper("2401.00001").title("First"),
                    paper("2401.00002").title("Second").abs("We build on 2401.00001.")));

            assertThat(ids("2401.00001")).first().isEqualTo("2401.00001");
            assertThat(ids("https://arxiv.org/abs/2401.00001v3")).containsExactly("2401.00001");
        }
    }

    @Nested
    class QueryLanguage {

        @Test
        void quotedPhraseNeedsTheWordsTogether() throws Exception {
            load(library(
                    paper("2401.00001").title("Neural radiance fields"),
                    paper("2401.00002").title("Radiance of neural fields")));

            assertThat(ids("\"neural radiance fields\"")).containsExactly("2401.00001");
        }

        @Test
        void minusExcludesAWordAndAPhrase() throws Exception {
            load(library(
                    paper("2401.00001").title("Diffusion for images"),
                    paper("2401.00002").title("Diffusion for text"),
                    paper("2401.00003").title("Diffusion for text generation")));

            assertThat(ids("diffusion -images")).containsExactlyInAnyOrder("2401.00002", "2401.00003");
            assertThat(ids("diffusion -\"text generation\"")).containsExactlyInAnyOrder("2401.00001", "2401.00002");
        }

        @Test
        void orJoinsAlternatives() throws Exception {
            load(library(
                    paper("2401.00001").title("Graph transformers"),
                    paper("2401.00002").title("Graph convolutions"),
                    paper("2401.00003").title("Graph kernels"),
                    paper("2401.00004").title("Image transformers")));

            assertThat(ids("graph transformers OR convolutions"))
                    .containsExactlyInAnyOrder("2401.00001", "2401.00002");
            assertThat(ids("kernels OR convolutions")).containsExactlyInAnyOrder("2401.00002", "2401.00003");
        }

        @Test
        void lowerCaseOrIsJustAWord() throws Exception {
            load(library(paper("2401.00001").title("Cats"), paper("2401.00002").title("Dogs")));

            // "or" is a stop word, so this asks for both words
            assertThat(ids("cats or dogs")).isEmpty();
        }

        @Test
        void titleAndAbstractFields() throws Exception {
            load(library(
                    paper("2401.00001").title("Attention").abs("About memory."),
                    paper("2401.00002").title("Memory").abs("About attention.")));

            assertThat(ids("ti:attention")).containsExactly("2401.00001");
            assertThat(ids("title:attention")).containsExactly("2401.00001");
            assertThat(ids("abs:attention")).containsExactly("2401.00002");
            assertThat(ids("TI:attention")).containsExactly("2401.00001");
            assertThat(ids("ti:(attention OR memory)")).containsExactlyInAnyOrder("2401.00001", "2401.00002");
            assertThat(ids("ti:(attention OR recall)")).as("the words inside stay in the title")
                    .containsExactly("2401.00001");
            assertThat(search("ti:(attention OR recall)").problems()).isEmpty();
        }

        @Test
        void authorFieldWithAndWithoutQuotes() throws Exception {
            load(library(
                    paper("2401.00001").title("One").authors("Yann LeCun", "Leon Bottou"),
                    paper("2401.00002").title("Two").authors("Yann Dauphin"),
                    paper("2401.00003").title("Yann and LeCun in the title")));

            assertThat(ids("au:\"Yann LeCun\"")).containsExactly("2401.00001");
            assertThat(ids("author:lecun")).containsExactly("2401.00001");
            assertThat(ids("au:yann")).containsExactlyInAnyOrder("2401.00001", "2401.00002");
            assertThat(ids("au:\"LeCun, Yann\"")).as("a catalogue's last name first").containsExactly("2401.00001");
        }

        @Test
        void initialsStandForAnyNameWithThatFirstLetter() throws Exception {
            load(library(
                    paper("2401.00001").title("One").authors("Yann LeCun", "Leon Bottou"),
                    paper("2401.00002").title("Two").authors("Y. LeCun"),
                    paper("2401.00003").title("Three").authors("Jean LeCun"),
                    paper("2401.00004").title("Four").authors("Yann Dauphin", "Bo LeCun"),
                    paper("2401.00005").title("Five").authors("Yann A. LeCun")));

            assertThat(ids("au:\"Y. LeCun\"")).containsExactlyInAnyOrder("2401.00001", "2401.00002", "2401.00005");
            assertThat(ids("au:\"LeCun, Y.\"")).containsExactlyInAnyOrder("2401.00001", "2401.00002", "2401.00005");
            assertThat(ids("au:\"J LeCun\"")).containsExactly("2401.00003");
            assertThat(ids("au:\"Q. LeCun\"")).isEmpty();
            assertThat(ids("au:\"Z. LeCun\"")).as("an initial no LeCun has").isEmpty();
            assertThat(ids("au:\"y lecun\"")).hasSize(3);
            assertThat(ids("au:Y")).as("a lone initial").containsExactlyInAnyOrder("2401.00001", "2401.00002",
                    "2401.00004", "2401.00005");
            assertThat(ids("au:\"J. Y. LeCun\"")).isEmpty();
            assertThat(search("au:\"Y. LeCun\"").hits()).filteredOn(h -> h.paper().paper().arxivId().equals("2401.00001"))
                    .singleElement().satisfies(h -> assertThat(h.matchedAuthors()).containsExactly("Yann LeCun"));
        }

        @Test
        void aFirstNameTypedInFullAlsoFindsItsInitialAsAPaperListsIt() throws Exception {
            load(library(
                    paper("2401.00001").title("One").authors("Yann LeCun", "Leon Bottou"),
                    paper("2401.00002").title("Two").authors("Y. LeCun"),
                    paper("2401.00003").title("Three").authors("Jean LeCun"),
                    paper("2401.00004").title("Four").authors("Yann Dauphin", "L. Bottou"),
                    paper("2401.00005").title("Five").authors("Y. A. LeCun"),
                    paper("2401.00006").title("Six").authors("Ann Yann", "L. Other"),
                    paper("2401.00007").title("Seven").authors("Leon B.")));

            assertThat(ids("au:\"Yann LeCun\"")).containsExactlyInAnyOrder("2401.00001", "2401.00002", "2401.00005")
                    .as("the name in full first").startsWith("2401.00001");
            assertThat(ids("au:\"LeCun, Yann\"")).containsExactlyInAnyOrder("2401.00001", "2401.00002", "2401.00005");
            assertThat(ids("au:\"Leon Bottou\"")).as("the last name as typed, not its initial")
                    .containsExactlyInAnyOrder("2401.00001", "2401.00004");
            assertThat(ids("\"Yann LeCun\"")).as("a phrase is not a name").containsExactly("2401.00001");
            assertThat(search("au:\"Yann LeCun\"").hits()).filteredOn(h -> h.paper().paper().arxivId().equals("2401.00002"))
                    .singleElement().satisfies(h -> assertThat(h.matchedAuthors()).containsExactly("Y. LeCun"));
        }

        @Test
        void initialsAreOnlyInTheAuthorsFieldNotPlainWords() throws Exception {
            load(library(paper("2401.00001").title("Programming languages").authors("Rita Moreno")));

            assertThat(ids("r programming")).as("an author's initial is no word of the paper").isEmpty();
            assertThat(ids("au:\"R. Moreno\" programming")).containsExactly("2401.00001");
        }

        @Test
        void aHitNamesTheAuthorsTheQueryAskedFor() throws Exception {
            load(library(paper("2401.00001").title("One")
                    .authors("Bingnan Xiao", "Chenhao Yang", "Wei Ni", "Tony Q. S. Quek", "Ann Quek")));

            assertThat(search("au:\"Tony Quek\"").hits()).singleElement()
                    .satisfies(h -> assertThat(h.matchedAuthors()).containsExactly("Tony Q. S. Quek"));
            assertThat(search("au:quek one").hits().get(0).matchedAuthors())
                    .containsExactly("Tony Q. S. Quek", "Ann Quek");
            assertThat(search("quek").hits().get(0).matchedAuthors()).as("only au: names an author").isEmpty();
        }

        @Test
        void anAuthorNameNeverMatchesAcrossTwoAuthors() throws Exception {
            load(library(
                    paper("2401.00001").title("One").authors("Anna Yann", "LeCun Bottou"),
                    paper("2401.00002").title("Two").authors("Yann A. LeCun")));

            assertThat(ids("au:\"Yann LeCun\"")).containsExactly("2401.00002");
            assertThat(ids("\"Yann LeCun\"")).containsExactly("2401.00002");
        }

        @Test
        void namesWithAndWithoutDotsAreTheSame() throws Exception {
            load(library(
                    paper("2401.00001").title("One").authors("Md. Tanzib Hosain"),
                    paper("2401.00002").title("Two").authors("Md Tanzib Hosain"),
                    paper("2401.00003").title("Three").authors("Tanzib Md Other")));

            assertThat(ids("au:\"Md. Tanzib Hosain\"")).containsExactlyInAnyOrder("2401.00001", "2401.00002");
            assertThat(ids("au:\"Md Tanzib Hosain\"")).containsExactlyInAnyOrder("2401.00001", "2401.00002");
            assertThat(ids("Md. Tanzib Hosain")).containsExactlyInAnyOrder("2401.00001", "2401.00002");
        }

        @Test
        void accentsAreFolded() throws Exception {
            load(library(paper("2401.00001").title("Naïve Bayes").authors("Bernhard Schölkopf")));

            assertThat(ids("naive")).containsExactly("2401.00001");
            assertThat(ids("au:scholkopf")).containsExactly("2401.00001");
        }

        @Test
        void anAccentTypedAsALetterAndAMarkIsTheAccentedLetter() throws Exception {
            load(library(paper("2401.00001").title("Naïve Bayes").authors("Bernhard Schölkopf")));

            // as macOS and PDFs paste them: "o" then U+0308, "i" then U+0308
            assertThat(ids("au:scho\u0308lkopf")).containsExactly("2401.00001");
            assertThat(ids("nai\u0308ve")).containsExactly("2401.00001");
        }

        @Test
        void categoryFilter() throws Exception {
            load(library(
                    paper("2401.00001").title("Seeing").categories("cs.CV", "cs.LG"),
                    paper("2401.00002").title("Seeing more").categories("cs.LG"),
                    paper("2401.00003").title("Seeing stars").categories("astro-ph.GA"),
                    paper("2401.00004").title("Seeing numbers").categories("math.NT"),
                    paper("2401.00005").title("Seeing quarks").categories("hep-th", "hep-ph", "cond-mat.mes-hall")));

            assertThat(ids("seeing cat:cs.CV")).containsExactly("2401.00001");
            assertThat(ids("seeing cat:cs.cv")).containsExactly("2401.00001");
            assertThat(ids("cat:cs.LG")).containsExactlyInAnyOrder("2401.00001", "2401.00002");
            assertThat(ids("cat:cs")).containsExactlyInAnyOrder("2401.00001", "2401.00002");
            assertThat(ids("seeing -cat:cs.LG")).containsExactlyInAnyOrder("2401.00003", "2401.00004", "2401.00005");
            assertThat(ids("cat:math.NT OR cat:astro-ph.GA")).containsExactlyInAnyOrder("2401.00003", "2401.00004");
            assertThat(ids("seeing cat:cs.CV,math.NT")).as("as arXiv lists them: either")
                    .containsExactlyInAnyOrder("2401.00001", "2401.00004");
            assertThat(ids("seeing -cat:cs.LG,math.NT")).containsExactlyInAnyOrder("2401.00003", "2401.00005");
            assertThat(search("seeing cat:cs.XX").problems()).containsExactly("No paper is in the category “cs.XX”:"
                    + " arXiv writes them like cs.CV or math.GT, and cat:cs is all of cs.");
            assertThat(search("seeing cat:hep").problems()).as("the categories it starts")
                    .containsExactly("No paper is in the category “hep”: did you mean cat:hep-ph, cat:hep-th?");
            assertThat(search("seeing cat:CV").problems()).as("or ends")
                    .containsExactly("No paper is in the category “CV”: did you mean cat:cs.CV?");
            assertThat(search("seeing cat:mes-hall").problems())
                    .containsExactly("No paper is in the category “mes-hall”: did you mean cat:cond-mat.mes-hall?");
            assertThat(search("seeing cat:math.NT cat:cs.CV").problems()).as("each is known; together, nothing")
                    .isEmpty();
        }

        @Test
        void topicFieldMatchesDigestTopics() throws Exception {
            Paper vit = paper("2401.00001").title("Patches are all you need").build();
            Paper other = paper("2401.00002").title("Vision language transformers").build();
            Library library = Library.of(List.of(new Digest("Vision Transformer", LocalDate.of(2025, 3, 1),
                    List.of(vit), new DigestSource("vit.txt", 1, ""))), List.of(other));
            load(library);

            assertThat(ids("topic:\"vision transformer\"")).containsExactly("2401.00001");
            assertThat(ids("topic:vision-transformer")).containsExactly("2401.00001");
            assertThat(ids("topic:transformer")).containsExactly("2401.00001");
            assertThat(search("topic:robots").problems()).containsExactly("No paper is in a topic “robots”: /topics"
                    + " lists them.");
            // a plain word finds the topic too, and the title match alike
            assertThat(ids("transformer")).containsExactlyInAnyOrder("2401.00001", "2401.00002");
        }

        @Test
        void aTopicInALibraryWithoutTopicsSaysSo() throws Exception {
            load(library(paper("2401.00001").title("Robots")));

            assertThat(search("topic:robots").problems()).as("not /topics, which has none to list")
                    .containsExactly("No paper is in a topic “robots”: the papers here have no topics yet.");
        }

        @Test
        void idWithAndWithoutVersion() throws Exception {
            load(library(
                    paper("2211.07638v2").title("One"),
                    paper("2211.07639").title("Two").abs("Follows 2211.07638.")));

            assertThat(ids("id:2211.07638")).containsExactly("2211.07638");
            assertThat(ids("id:2211.07638v2")).containsExactly("2211.07638");
            assertThat(ids("id:2211.07638v1")).containsExactly("2211.07638");
            assertThat(ids("id:arxiv:2211.07638")).containsExactly("2211.07638");
            assertThat(ids("id:nonsense")).isEmpty();
        }

        @Test
        void idsPastedTogetherAreAlternativesInAnyForm() throws Exception {
            load(library(paper("2211.07638v2").title("One"), paper("2211.07639").title("Two"),
                    paper("2211.07640").title("Three")));

            assertThat(ids("2211.07638 arxiv.org/abs/2211.07639v1")).containsExactlyInAnyOrder("2211.07638",
                    "2211.07639");
            assertThat(ids("id:2211.07638 id:2211.07640")).containsExactlyInAnyOrder("2211.07638", "2211.07640");
            assertThat(ids("https://arxiv.org/html/2211.07640v1")).containsExactly("2211.07640");
            assertThat(ids("2211.07638 two")).as("an id and a word both count").isEmpty();
        }

        @Test
        void dateFilters() throws Exception {
            load(library(
                    paper("2401.00001").title("Model").date("2024-12-31"),
                    paper("2401.00002").title("Model").date("2025-01-01"),
                    paper("2401.00003").title("Model").date("2025-01-31"),
                    paper("2401.00004").title("Model").date("2025-02-01"),
                    paper("2401.00005").title("Model").date("2025-06-03"),
                    paper("2401.00006").title("Model").date(null)));

            assertThat(ids("model after:2025-01-01"))
                    .containsExactlyInAnyOrder("2401.00002", "2401.00003", "2401.00004", "2401.00005");
            assertThat(ids("model before:2025-02-01"))
                    .containsExactlyInAnyOrder("2401.00001", "2401.00002", "2401.00003");
            assertThat(ids("model after:2025-01-01 before:2025-02-01"))
                    .containsExactlyInAnyOrder("2401.00002", "2401.00003");
            assertThat(ids("model date:2025-06")).containsExactly("2401.00005");
            assertThat(ids("model date:2025-06-03")).containsExactly("2401.00005");
            assertThat(ids("model date:2025-06-04")).isEmpty();
            assertThat(ids("model date:2025"))
                    .containsExactlyInAnyOrder("2401.00002", "2401.00003", "2401.00004", "2401.00005");
            assertThat(ids("date:2024")).containsExactly("2401.00001");
            assertThat(ids("model date:2025-13")).isEmpty();
            assertThat(ids("model after:yesterday")).isEmpty();
            assertThat(search("model after:2026").problems()).as("not general advice: which days there are")
                    .containsExactly("No paper is from 2026 or later: the newest is from 2025-06-03.");
            assertThat(search("model before:2024-06").problems())
                    .containsExactly("No paper is from before 2024-06: the oldest is from 2024-12-31.");
            assertThat(search("model date:2025-03").problems())
                    .containsExactly("No paper is from 2025-03: the papers here stop on 2025-02-01 and start again on"
                            + " 2025-06-03.");
            assertThat(search("model date:2025-06-04").problems()).as("a day past the last")
                    .containsExactly("No paper is from 2025-06-04: the papers here are from 2024-12-31 to 2025-06-03.");
            assertThat(search("model date:2025-05").problems()).as("a month inside the range, with no paper")
                    .containsExactly("No paper is from 2025-05: the papers here stop on 2025-02-01 and start again on"
                            + " 2025-06-03.");
            assertThat(search("model after:2025-03-01 before:2025-06-01").problems()).as("each finds papers, not both")
                    .containsExactly("No paper is from the days after:2025-03-01 before:2025-06-01 allow: the papers"
                            + " here stop on 2025-02-01 and start again on 2025-06-03.");
            assertThat(search("missing after:2025-01-01").problems()).as("the date is not why").isEmpty();
            assertThat(search("missing after:2025-01-01 before:2025-06-01").problems()).isEmpty();
        }

        @Test
        void sortByDatePutsNewestFirst() throws Exception {
            load(library(
                    paper("2401.00001").title("Diffusion diffusion").abs("Diffusion.").date("2025-01-01"),
                    paper("2401.00002").title("Something").abs("Mentions diffusion.").date("2025-03-01"),
                    paper("2401.00003").title("Other").abs("Mentions diffusion too.").date("2025-02-01")));

            assertThat(ids("diffusion")).first().isEqualTo("2401.00001");
            assertThat(ids("diffusion sort:date")).containsExactly("2401.00002", "2401.00003", "2401.00001");
        }

        @Test
        void onlyExclusionsOrNothingSearchableFindsNothing() throws Exception {
            load(library(paper("2401.00001").title("Graphs"), paper("2401.00002").title("Images")));

            assertThat(search("-graphs").total()).isZero();
            assertThat(search("-\"graphs\" -images").total()).isZero();
            assertThat(search("sort:date").total()).isZero();
            assertThat(search("the of and").total()).isZero();
            assertThat(search("").total()).isZero();
            assertThat(search("OR").total()).isZero();
        }

        @Test
        void unknownFieldsAreReadAsWords() throws Exception {
            load(library(paper("2401.00001").title("Foo bar baz")));

            assertThat(ids("foo:bar")).containsExactly("2401.00001");
        }
    }

    @Test
    void correctsTyposWhenNothingIsFound() throws Exception {
        load(library(
                paper("2401.00001").title("Sparse transformer models"),
                paper("2401.00002").title("A transformer for speech"),
                paper("2401.00003").title("Graph networks")));

        SearchPage page = search("trasnformer");

        assertThat(page.correctedQuery()).isEqualTo("transformer");
        assertThat(page.query()).isEqualTo("trasnformer");
        assertThat(page.hits()).extracting(h -> h.paper().paper().arxivId())
                .containsExactlyInAnyOrder("2401.00001", "2401.00002");
    }

    @Test
    void correctsAsBeforeAfterMoreWordsThanItKeepsAutomataFor() throws Exception {
        List<Papers> papers = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < SpellingCorrector.KEPT_AUTOMATA + 4; i++) {
            String word = "transformer" + (char) ('a' + i) + "x";
            words.add(word);
            papers.add(paper(String.format("2401.%05d", i + 1)).title("Models of " + word));
        }
        load(library(papers.toArray(Papers[]::new)));

        for (int round = 0; round < 2; round++) {
            for (String word : words) {
                String typo = "trasnformer" + word.substring("transformer".length());
                assertThat(search(typo).correctedQuery()).as(typo).isEqualTo(word);
            }
        }
    }

    @Test
    void correctionKeepsTheRestOfTheQueryAndItsCase() throws Exception {
        load(library(
                paper("2401.00001").title("Sparse transformer models").categories("cs.CL"),
                paper("2401.00002").title("Sparse transformer models").categories("cs.CV")));

        SearchPage page = search("Sparse Trasnformer cat:cs.CL");

        assertThat(page.correctedQuery()).isEqualTo("Sparse Transformer cat:cs.CL");
        assertThat(page.hits()).extracting(h -> h.paper().paper().arxivId()).containsExactly("2401.00001");
    }

    @Test
    void correctionKeepsTheEndingTheUserTyped() throws Exception {
        load(library(paper("2401.00001").title("Sparse transformer models")));

        SearchPage page = search("trasnformers");

        assertThat(page.correctedQuery()).isEqualTo("transformers");
        assertThat(page.total()).isEqualTo(1);
    }

    @Test
    void correctsAuthorNames() throws Exception {
        load(library(paper("2401.00001").title("Capsules").authors("Geoffrey Hinton")));

        SearchPage page = search("au:Hintn");

        assertThat(page.correctedQuery()).isEqualTo("au:Hinton");
        assertThat(page.total()).isEqualTo(1);
    }

    @Test
    void whenTheNearestWordFindsNothingTheNextNearestIsTried() throws Exception {
        List<Papers> papers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            papers.add(paper(String.format("2401.%05d", i + 1)).title("Typical graphs " + i));
        }
        papers.add(paper("2401.09998").title("Tropical cyclones over warm clouds"));
        load(library(papers.toArray(Papers[]::new)));

        SearchPage page = search("clouds trpical cyclones");

        assertThat(page.correctedQuery()).isEqualTo("clouds tropical cyclones");
        assertThat(page.hits()).extracting(h -> h.paper().paper().arxivId()).containsExactly("2401.09998");
    }

    @Test
    void aMisspeltWordIsMatchedAgainstTitleWordsAsWrittenNotOnlyTheirStems() throws Exception {
        List<Papers> papers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            papers.add(paper(String.format("2401.%05d", i + 1)).title("Handing over student papers " + i));
        }
        papers.add(paper("2401.09998").title("Handling student texts with care"));
        load(library(papers.toArray(Papers[]::new)));

        SearchPage page = search("handlign student texts");

        assertThat(page.correctedQuery()).isEqualTo("handling student texts");
        assertThat(page.hits()).extracting(h -> h.paper().paper().arxivId()).first().isEqualTo("2401.09998");
    }

    @Test
    void aRareWordThatFindsThePaperIsKeptWhileTheMisspeltOneIsCorrected() throws Exception {
        List<Papers> papers = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            papers.add(paper(String.format("2401.%05d", i + 1)).title("Prime numbers " + i));
        }
        papers.add(paper("2401.09998").title("PRIMA: a biological animal atlas"));
        load(library(papers.toArray(Papers[]::new)));

        SearchPage page = search("prima animal bological");

        assertThat(page.correctedQuery()).isEqualTo("prima animal biological");
        assertThat(page.hits()).extracting(h -> h.paper().paper().arxivId()).containsExactly("2401.09998");
    }

    @Test
    void aRareWordIsCorrectedToAMuchCommonerOne() throws Exception {
        List<Papers> papers = new ArrayList<>();
        papers.add(paper("2401.09999").title("Modles of everything"));
        for (int i = 0; i < 25; i++) {
            papers.add(paper(String.format("2401.%05d", i + 1)).title("Graph models " + i));
        }
        papers.add(paper("2401.09998").title("Diffusion models"));
        load(library(papers.toArray(Papers[]::new)));

        SearchPage page = search("diffuson modles");

        assertThat(page.correctedQuery()).isEqualTo("diffusion models");
        assertThat(page.hits()).extracting(h -> h.paper().paper().arxivId()).containsExactly("2401.09998");
    }

    @Test
    void aWordInAFewPapersIsCorrectedWhenTheQueryFindsNothing() throws Exception {
        List<Papers> papers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            papers.add(paper(String.format("2401.%05d", i + 1)).title("Vison loss in birds " + i));
        }
        for (int i = 0; i < 120; i++) {
            papers.add(paper(String.format("2402.%05d", i + 1)).title("Vision models " + i));
        }
        papers.add(paper("2403.00001").title("A vision transformer"));
        load(library(papers.toArray(Papers[]::new)));

        SearchPage page = search("vison transformer");

        assertThat(page.correctedQuery()).isEqualTo("vision transformer");
        assertThat(page.hits()).extracting(h -> h.paper().paper().arxivId()).containsExactly("2403.00001");
        assertThat(search("vison birds").correctedQuery()).as("found as typed").isNull();
    }

    @Test
    void aTypoAFewPapersShareFindsThemWithASuggestion() throws Exception {
        List<Papers> papers = new ArrayList<>();
        papers.add(paper("2401.00001").title("A langauge model for birds"));
        papers.add(paper("2401.00002").title("MedPlan routing"));
        papers.add(paper("2401.00003").title("Language modle for fish"));
        for (int i = 0; i < 220; i++) {
            papers.add(paper(String.format("2402.%05d", i + 1)).title("Language model median " + i));
        }
        load(library(papers.toArray(Papers[]::new)));

        SearchPage page = search("langauge model");

        assertThat(page.correctedQuery()).as("found as typed").isNull();
        assertThat(page.hits()).extracting(h -> h.paper().paper().arxivId()).containsExactly("2401.00001");
        assertThat(page.problems()).containsExactly("Did you mean “language model”? It finds 220 papers.");
        assertThat(search("medplan").problems()).as("two edits from median: a word of its own").isEmpty();
        assertThat(search("language model").problems()).isEmpty();
        assertThat(search("lnguage modle").correctedQuery()).as("not only the word no paper has")
                .isEqualTo("language model");
    }

    @Test
    void aWordSpreadOverAuthorsAndAbstractsIsNotATypoOfACommonerOne() throws Exception {
        List<Papers> papers = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            papers.add(paper(String.format("2401.%05d", i + 1)).title("More graphs " + i));
        }
        for (int i = 0; i < 6; i++) {
            papers.add(paper(String.format("2402.%05d", i + 1)).title("Scaling " + i).authors("Ann Moore"));
            papers.add(paper(String.format("2403.%05d", i + 1)).title("Chips " + i).abs("Moore's law holds."));
        }
        load(library(papers.toArray(Papers[]::new)));

        SearchPage page = search("\"moore graphs\"");

        assertThat(page.total()).isZero();
        assertThat(page.correctedQuery()).as("in 12 papers: a word, not a typo").isNull();
    }

    @Test
    void emojiAndSymbolsAreNotSearchedFor() throws Exception {
        load(library(paper("2401.00001").title("Diffusion transformers"), paper("2401.00002").title("Graphs")));

        assertThat(ids("transformer 🚀 diffusion")).containsExactly("2401.00001");
        assertThat(ids("😀transformer👍🏽 ™ ★")).containsExactly("2401.00001");
        assertThat(search("🚀🚀").total()).isZero();
    }

    @Test
    void typographicQuotesAreAPhraseAndNotExcludes() throws Exception {
        load(library(paper("2401.00001").title("Vision transformer"),
                paper("2401.00002").title("Transformer for vision").abs("Also vision."),
                paper("2401.00003").title("Transformer")));

        assertThat(ids("“vision transformer”")).containsExactly("2401.00001");
        assertThat(ids("„vision transformer“")).containsExactly("2401.00001");
        assertThat(ids("‘vision transformer’")).containsExactly("2401.00001");
        assertThat(ids("transformer NOT vision")).containsExactly("2401.00003");
        assertThat(ids("transformer !vision")).containsExactly("2401.00003");
        assertThat(ids("(ti:\"vision transformer\" OR ti:graph) AND ti:transformer")).containsExactly("2401.00001");
    }

    @Test
    void aPageSaysWhatInTheQueryCouldNotBeSearched() throws Exception {
        load(library(paper("2401.00001").title("Graphs")));

        SearchPage page = search("graphs after:notadate");

        assertThat(page.total()).isZero();
        assertThat(page.problems()).containsExactly("“notadate” is not a date: write a year, a month or a day, such"
                + " as after:2025-01-01.");
        assertThat(search("graphs").problems()).isEmpty();
        assertThat(search("graphs after:notadate OR after:notadate").problems()).as("the same problem once")
                .hasSize(1);
        assertThat(search("🚀 NOT").problems()).containsExactly("There is nothing to search for: type words, a"
                + " \"phrase\" or a field such as au:lecun.");
        assertThat(search("*** \\ -x").problems()).as("symbols are not common words")
                .containsExactly("There is nothing to search for: type words, a \"phrase\" or a field such as"
                        + " au:lecun.");
        assertThat(search("the will").problems()).containsExactly("Only words too common to search for (such as the,"
                + " of, will): add a word that says what the papers are about.");
    }

    @Test
    void knownWordsThatFindNothingTogetherAreNotCorrected() throws Exception {
        load(library(paper("2401.00001").title("Graph networks"), paper("2401.00002").title("Image models")));

        SearchPage page = search("graph models");

        assertThat(page.total()).isZero();
        assertThat(page.correctedQuery()).isNull();
    }

    @Test
    void noCorrectionWhenTheQueryFindsSomething() throws Exception {
        load(library(paper("2401.00001").title("Transformer"), paper("2401.00002").title("Transformar")));

        SearchPage page = search("transformar");

        assertThat(page.correctedQuery()).isNull();
        assertThat(page.hits()).extracting(h -> h.paper().paper().arxivId()).containsExactly("2401.00002");
    }

    @Test
    void pagesAreStableAndComplete() throws Exception {
        List<Papers> papers = new ArrayList<>();
        for (int i = 0; i < 53; i++) {
            // many exact ties (same title, same date) to exercise the tie-breaks
            papers.add(paper(String.format("2401.%05d", i + 1)).title(i % 3 == 0 ? "Graph learning" : "Graph")
                    .abs(i % 2 == 0 ? "graph" : "other").date(i % 4 == 0 ? "2025-01-01" : "2024-01-01"));
        }
        load(library(papers.toArray(Papers[]::new)));

        List<String> all = index.search(new SearchRequest("graph", 1, 100)).hits().stream()
                .map(SearchHit::paper).map(p -> p.key()).toList();
        List<String> paged = new ArrayList<>();
        for (int page = 1; page <= 6; page++) {
            SearchPage result = index.search(new SearchRequest("graph", page, 10));
            assertThat(result.total()).isEqualTo(53);
            assertThat(result.pageCount()).isEqualTo(6);
            result.hits().forEach(h -> paged.add(h.paper().key()));
        }

        assertThat(all).hasSize(53);
        assertThat(new HashSet<>(paged)).hasSize(53);
        assertThat(paged).isEqualTo(all);
        assertThat(index.search(new SearchRequest("graph", 7, 10)).hits()).isEmpty();
        assertThat(index.search(new SearchRequest("graph", Integer.MAX_VALUE, 100)).hits()).isEmpty();
        assertThat(index.search(new SearchRequest("graph", 1, 10)).hits().stream().map(h -> h.paper().key()).toList())
                .isEqualTo(all.subList(0, 10));
    }

    @Test
    void idsPastedTogetherSayWhichWereNotFound() throws Exception {
        load(library(paper("2312.00273").title("Watermarks"), paper("2312.00279").title("Other")));

        SearchPage page = search("2312.00273 and 2312.99999, https://arxiv.org/abs/2312.00279v2 2312.99998");

        assertThat(page.hits()).hasSize(2);
        assertThat(page.problems()).containsExactly("Not found: 2312.99999, 2312.99998 (check the ids; only the"
                + " papers here are searched).");
        assertThat(search("2312.00273 2312.00279").problems()).isEmpty();
        assertThat(search("arXiv: 2312.99999.").problems()).as("alone, finding nothing").containsExactly(
                "Not found: 2312.99999 (check the id; only the papers here are searched).");
        assertThat(search("2312.00273 watermarks").problems()).as("not a list of ids").isEmpty();
    }

    @Test
    void aBigResultSetCountsAtLeastTheThresholdAndSaysSo() throws Exception {
        List<Papers> papers = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            papers.add(paper(String.format("2401.%05d", i + 1)).title("Graph " + i));
        }
        load(library(papers.toArray(Papers[]::new)));

        SearchPage page = index.search(new SearchRequest("graph", 3, 20));

        assertThat(page.total()).as("the same on every page").isEqualTo(PaperSearcher.TOTAL_HITS_THRESHOLD)
                .isEqualTo(index.search(new SearchRequest("graph", 40, 20)).total());
        assertThat(page.totalIsLowerBound()).isTrue();
        assertThat(page.hits()).hasSize(20);
        SearchPage beyond = index.search(new SearchRequest("graph", 60, 20));
        assertThat(beyond.total()).as("never fewer than the results up to this page").isEqualTo(1200);
        assertThat(beyond.totalIsLowerBound()).isTrue();
        SearchPage small = index.search(new SearchRequest("graph 7", 1, 20));
        assertThat(small.totalIsLowerBound()).isFalse();

        // a page past the end has counted every match, so it can say how many pages there are
        SearchPage pastTheEnd = index.search(new SearchRequest("graph", 80, 20));
        assertThat(pastTheEnd.hits()).isEmpty();
        assertThat(pastTheEnd.totalIsLowerBound()).isFalse();
        assertThat(pastTheEnd.pageCount()).isEqualTo(75);
        assertThat(index.search(new SearchRequest("graph", 75, 20)).hits()).hasSize(20);
    }

    @Test
    void theLastPageOfABigResultSetOffersNoNextPage() throws Exception {
        List<Papers> papers = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            papers.add(paper(String.format("2401.%05d", i + 1)).title("Graph " + i).date(i % 2 == 0 ? "2025-01-01"
                    : "2024-01-01"));
        }
        load(library(papers.toArray(Papers[]::new)));

        for (String query : List.of("graph", "graph sort:date")) {
            SearchPage before = index.search(new SearchRequest(query, 59, 20));
            assertThat(before.totalIsLowerBound()).as(query).isTrue();
            assertThat(before.pageCount()).as(query).isEqualTo(60);

            SearchPage last = index.search(new SearchRequest(query, 60, 20));
            assertThat(last.hits()).as(query).hasSize(20);
            assertThat(last.totalIsLowerBound()).as("a page ending at the last match counts them all").isFalse();
            assertThat(last.total()).as(query).isEqualTo(1200);
            assertThat(last.pageCount()).as(query).isEqualTo(60);
        }
    }

    @Nested
    class Snippets {

        @Test
        void marksTheMatchedWords() throws Exception {
            load(library(paper("2401.00001").title("Vision")
                    .abs("We present a vision transformer. Transformers are good at images.")));

            Snippet snippet = search("transformer").hits().get(0).snippet();

            assertThat(snippet.plainText()).isEqualTo("We present a vision transformer. Transformers are good at images.");
            assertThat(snippet.spans()).filteredOn(Snippet.Span::highlighted).extracting(Snippet.Span::text)
                    .containsExactly("transformer", "Transformers");
        }

        @Test
        void neighbouringMatchesAreOneMarkedRun() throws Exception {
            load(library(paper("2401.00001").title("Vision").abs("We present a vision transformer for robots.")));

            Snippet snippet = search("vision transformer").hits().get(0).snippet();

            assertThat(snippet.spans()).containsExactly(
                    new Snippet.Span("We present a ", false),
                    new Snippet.Span("vision transformer", true),
                    new Snippet.Span(" for robots.", false));
        }

        @Test
        void aLongAbstractIsCutAroundTheMatches() throws Exception {
            String filler = "lorem ipsum dolor sit amet ".repeat(20);
            load(library(paper("2401.00001").title("Long")
                    .abs(filler + "here the quantum annealing happens " + filler)));

            Snippet snippet = search("annealing").hits().get(0).snippet();

            assertThat(snippet.plainText()).startsWith("…").endsWith("…").contains("quantum annealing");
            assertThat(snippet.plainText().length()).isBetween(150, 210);
            assertThat(snippet.plainText()).doesNotContain("  ");
            assertThat(snippet.spans()).filteredOn(Snippet.Span::highlighted).extracting(Snippet.Span::text)
                    .containsExactly("annealing");
            // cut between words, never inside one
            assertThat(snippet.plainText().substring(1, 6)).isIn("lorem", "ipsum", "dolor", "sit a", "amet ");
        }

        @Test
        void aMatchNearTheEndStillGetsAFullSnippet() throws Exception {
            String filler = "lorem ipsum dolor sit amet ".repeat(20);
            load(library(paper("2401.00001").title("Long").abs(filler + "and finally annealing.")));

            Snippet snippet = search("annealing").hits().get(0).snippet();

            assertThat(snippet.plainText()).startsWith("…").endsWith("finally annealing.");
            assertThat(snippet.plainText().length()).isBetween(150, 202);
        }

        @Test
        void withoutAMatchInTheAbstractItIsTheStartCutAtAWord() throws Exception {
            String abs = "This abstract talks about something else entirely and goes on for a long while, "
                    + "long enough that it has to be cut somewhere near two hundred characters, and it should "
                    + "be cut between two words rather than in the middle of one of them.";
            load(library(paper("2401.00001").title("Quantum annealing").abs(abs)));

            Snippet snippet = search("quantum").hits().get(0).snippet();

            assertThat(snippet.spans()).noneMatch(Snippet.Span::highlighted);
            String text = snippet.plainText();
            assertThat(text).endsWith("…").hasSizeLessThanOrEqualTo(201);
            assertThat(abs).startsWith(text.substring(0, text.length() - 1));
            assertThat(abs.charAt(text.length() - 1)).isEqualTo(' ');
        }

        @Test
        void anEmptyAbstractHasNoSnippet() throws Exception {
            load(library(paper("2401.00001").title("Quantum annealing")));

            assertThat(search("quantum").hits().get(0).snippet().isEmpty()).isTrue();
        }
    }

    @Test
    void aReloadSwapsToTheNewLibrary() throws Exception {
        load(library(paper("2401.00001").title("Old graph paper")));
        assertThat(ids("graph")).containsExactly("2401.00001");

        Library next = listed(paper("2401.00002").title("New graph paper"));
        load(next);

        assertThat(ids("graph")).containsExactly("2401.00002");
        assertThat(search("graph").hits().get(0).paper()).isSameAs(next.findById("2401.00002").orElseThrow());
        assertThat(ids("old")).isEmpty();
    }

    @Test
    void searchesDuringReloadsSeeOneSnapshotOrTheOther() throws Exception {
        Library even = numbered("graph", 0);
        Library odd = numbered("graph", 1);
        load(even);
        Set<String> evenKeys = keys(even);
        Set<String> oddKeys = keys(odd);
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        List<Thread> searchers = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger searches = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < 2; t++) {
            Thread thread = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        SearchPage page = index.search(new SearchRequest("graph", 1, 100));
                        Set<String> found = new HashSet<>();
                        page.hits().forEach(h -> found.add(h.paper().key()));
                        assertThat(page.total()).isEqualTo(40);
                        assertThat(found).satisfiesAnyOf(
                                f -> assertThat(f).isEqualTo(evenKeys),
                                f -> assertThat(f).isEqualTo(oddKeys));
                        searches.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            thread.start();
            searchers.add(thread);
        }
        for (int i = 0; i < 10; i++) {
            load(i % 2 == 0 ? odd : even);
        }
        stop.set(true);
        for (Thread thread : searchers) {
            thread.join();
        }

        assertThat(failures).isEmpty();
        assertThat(searches.get()).isPositive();
    }

    private static Library numbered(String word, int parity) {
        List<Papers> papers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            papers.add(paper(String.format("2401.%05d", i * 2 + parity + 1)).title(word + " " + i));
        }
        return library(papers.toArray(Papers[]::new));
    }

    private static Set<String> keys(Library library) {
        Set<String> keys = new HashSet<>();
        Loose.served(library).forEach(p -> keys.add(p.key()));
        return keys;
    }

    @Test
    void aLargeLibraryIsBuiltWithSeveralThreadsAndLosesNothing() throws Exception {
        List<Papers> papers = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            papers.add(paper(String.format("2401.%05d", i + 1)).title("Paper number w" + i).abs("common"));
        }
        try (LuceneSearchIndex threaded = new LuceneSearchIndex(IndexStorage.inMemory(), 3)) {
            threaded.libraryChanging(library(papers.toArray(Papers[]::new)));

            assertThat(threaded.count("common")).isEqualTo(12_000);
            assertThat(threaded.search(new SearchRequest("w11999", 1, 10)).hits())
                    .extracting(h -> h.paper().paper().arxivId()).containsExactly("2401.12000");
        }
    }

    @Test
    void aFailedUpdateKeepsTheOldIndexServingAndRefusesTheReload() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean fail = new java.util.concurrent.atomic.AtomicBoolean();
        IndexStorage flaky = () -> new org.apache.lucene.store.FilterDirectory(
                new org.apache.lucene.store.ByteBuffersDirectory()) {
            @Override
            public org.apache.lucene.store.IndexOutput createOutput(String name,
                    org.apache.lucene.store.IOContext context) throws java.io.IOException {
                if (fail.get()) {
                    throw new java.io.IOException("disk full");
                }
                return super.createOutput(name, context);
            }
        };
        try (LuceneSearchIndex flakyIndex = new LuceneSearchIndex(flaky)) {
            flakyIndex.libraryChanging(library(paper("2401.00001").title("Graphs")));
            fail.set(true);

            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> flakyIndex.libraryChanging(library(paper("2401.00002").title("Graphs"))))
                    .hasMessageContaining("disk full");
            assertThat(flakyIndex.search(new SearchRequest("graphs", 1, 10)).hits())
                    .extracting(h -> h.paper().paper().arxivId()).containsExactly("2401.00001");

            fail.set(false);
            flakyIndex.libraryChanging(library(paper("2401.00002").title("Graphs")));
            assertThat(flakyIndex.search(new SearchRequest("graphs", 1, 10)).hits())
                    .extracting(h -> h.paper().paper().arxivId()).containsExactly("2401.00002");
        }
    }

    @Test
    void aReloadIsToldWhichPapersAreLeftOutOfSearchAndHowManyMore() throws Exception {
        List<Papers> papers = new ArrayList<>();
        papers.add(paper("2401.00001").title("Graphs"));
        for (int i = 2; i <= 8; i++) {
            papers.add(paper("2401.0000" + i).title("Too long").categories("c".repeat(40_000)));
        }

        List<String> warnings = index.libraryChanging(library(papers.toArray(Papers[]::new)));

        assertThat(warnings).hasSize(LuceneSearchIndex.MAX_WARNINGS);
        assertThat(warnings.subList(0, 4)).allSatisfy(w -> assertThat(w).matches("Paper arxiv:2401\\.0000[2-8] is"
                + " left out of search: its category is longer than the search index allows in one value \\(32766"
                + " bytes\\); shorten it in the content"));
        assertThat(warnings.get(4)).isEqualTo("…and 3 more papers are left out of search (the log names each); fix"
                + " them in the content");
        assertThat(ids("graphs")).containsExactly("2401.00001");
        assertThat(index.libraryChanging(library(paper("2401.00001").title("Graphs")))).isEmpty();
    }

    @Test
    void afterCloseSearchesFindNothing() throws Exception {
        load(library(paper("2401.00001").title("Graphs")));
        index.close();

        assertThat(search("graphs").total()).isZero();
    }

    @Test
    void anIndexOnDiskIsKeptBetweenRunsAndUpdatedOnlyWhereThePapersChanged(@TempDir Path root) throws Exception {
        Library first = library(paper("2401.00001").title("Graphs"), paper("2401.00002").title("Graph colouring"),
                paper("2401.00003").title("Sparse graphs"));
        try (LuceneSearchIndex onDisk = new LuceneSearchIndex(IndexStorage.onDisk(root))) {
            onDisk.libraryChanging(first);
            assertThat(onDisk.lastUpdate()).extracting(u -> u.added(), u -> u.rebuilt()).containsExactly(3, true);
        }
        try (LuceneSearchIndex restarted = new LuceneSearchIndex(IndexStorage.onDisk(root))) {
            restarted.libraryChanging(first);
            assertThat(restarted.lastUpdate()).extracting(u -> u.added(), u -> u.changed(), u -> u.deleted(),
                    u -> u.rebuilt()).containsExactly(0, 0, 0, false);
            assertThat(restarted.search(new SearchRequest("graphs", 1, 10)).total()).isEqualTo(3);

            restarted.libraryChanging(library(paper("2401.00001").title("Graphs"),
                    paper("2401.00002").title("Trees and colouring"), paper("2401.00004").title("Graphs again")));

            assertThat(restarted.lastUpdate()).extracting(u -> u.added(), u -> u.changed(), u -> u.deleted())
                    .containsExactly(1, 1, 1);
            assertThat(restarted.search(new SearchRequest("graphs", 1, 10)).hits())
                    .extracting(h -> h.paper().paper().arxivId()).containsExactlyInAnyOrder("2401.00001", "2401.00004");
            assertThat(restarted.search(new SearchRequest("trees", 1, 10)).hits())
                    .extracting(h -> h.paper().paper().arxivId()).containsExactly("2401.00002");
        }
    }

    @Test
    void anIndexOfAnOlderFormatIsBuiltAnew(@TempDir Path root) throws Exception {
        Library library = library(paper("2401.00001").title("Graphs"));
        try (LuceneSearchIndex onDisk = new LuceneSearchIndex(IndexStorage.onDisk(root))) {
            onDisk.libraryChanging(library);
        }
        try (var dir = org.apache.lucene.store.FSDirectory.open(root);
             var writer = new org.apache.lucene.index.IndexWriter(dir,
                     new org.apache.lucene.index.IndexWriterConfig().setIndexSort(
                             new org.apache.lucene.search.Sort(new org.apache.lucene.search.SortField(
                                     "day", org.apache.lucene.search.SortField.Type.LONG, true) {
                                 {
                                     setMissingValue(Long.MIN_VALUE);
                                 }
                             })))) {
            writer.setLiveCommitData(java.util.Map.of(LuceneSearchIndex.FORMAT_KEY, "paperboy-search-0").entrySet());
            writer.commit();
        }
        try (LuceneSearchIndex upgraded = new LuceneSearchIndex(IndexStorage.onDisk(root))) {
            upgraded.libraryChanging(library);

            assertThat(upgraded.lastUpdate().rebuilt()).isTrue();
            assertThat(upgraded.lastUpdate().added()).isEqualTo(1);
            assertThat(upgraded.search(new SearchRequest("graphs", 1, 10)).total()).isEqualTo(1);
        }
    }

    @Test
    void anUnreadableIndexDirectoryIsBuiltAnew(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("segments_1"), "not an index");
        try (LuceneSearchIndex onDisk = new LuceneSearchIndex(IndexStorage.onDisk(root))) {
            onDisk.libraryChanging(library(paper("2401.00001").title("Graphs")));

            assertThat(onDisk.search(new SearchRequest("graphs", 1, 10)).total()).isEqualTo(1);
        }
    }
}
