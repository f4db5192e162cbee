package dev.paperboy.search;

import static dev.paperboy.search.Papers.library;
import static dev.paperboy.search.Papers.paper;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.SearchHit;
import dev.paperboy.core.SearchRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A plain word written in parts: "gpt-4" is GPT-4 (or GPT4), not GPT and a 4 somewhere; "llama3" is Llama 3. */
class CompoundWordsTest {

    private final LuceneSearchIndex index = new LuceneSearchIndex();

    @BeforeEach
    void load() throws Exception {
        index.libraryChanging(library(
                paper("2401.00001").title("Evaluating GPT-4 on exams"),
                paper("2401.00002").title("GPT-2 in 4 steps"),
                paper("2401.00003").title("Prompting").abs("We jailbreak GPT4 and others."),
                paper("2401.00004").title("Clustering with k-means"),
                paper("2401.00005").title("K-Harmonic Means"),
                paper("2401.00006").title("Kmeans at scale"),
                paper("2401.00007").title("Benchmarks").abs("We test GPT-4o and Llama 3 on them."),
                paper("2401.00008").title("Small models").abs("We fine-tune llama3 and gpt4o."),
                paper("2401.00009").title("Graphs").authors("Anna Smith-Jones"),
                paper("2401.00010").title("Trees").authors("Anna Smith", "Bo Jones"),
                paper("2401.00011").title("Chairs").authors("Jean-Pierre Dupont"),
                paper("2401.00012").title("Input and output").abs("Output before input."),
                paper("2401.00013").title("Agents").abs("We prompt GPT-4o-mini, with in-context examples."),
                paper("2401.00014").title("Context windows").abs("Learning in long context."),
                paper("2401.00015").title("Few-shot").abs("Incontext learning, self supervised."),
                paper("2401.00016").title("Sparse Mixture of Experts: Self Supervised Routing"),
                paper("2401.00017").title("A Symmetric Mixture: of Experts"),
                paper("2401.00018").title("Llama-3.1 for law").abs("We tune GPT4o."),
                paper("2401.00019").title("Reasoning").abs("Both LLaMA3.1 and Qwen 2.5 fail."),
                paper("2401.00020").title("Llama and friends").abs("Version 3.1 of the code."),
                paper("2401.00021").title("GPT-4o at the bar"),
                paper("2401.00022").title("In-Context Tricks"),
                paper("2401.00023").title("Multiagent systems"),
                paper("2401.00024").title("Multi-Agent systems"),
                paper("2401.00025").title("Deep Kernel Machines Learn Fast"),
                paper("2401.00026").title("Deep Kernel, Machines, Learn, Fast"),
                paper("2401.00027").title("Learning In Context in the Wild"),
                paper("2401.00028").title("Qwen2.5 at work")));
    }

    @AfterEach
    void close() {
        index.close();
    }

    private List<String> ids(String query) {
        return index.search(new SearchRequest(query, 1, 100)).hits().stream()
                .map(h -> h.paper().paper().arxivId()).toList();
    }

    @Test
    void aHyphenatedWordNeedsItsPartsTogetherOrWrittenAsOne() {
        assertThat(ids("gpt-4")).as("not GPT-2 with a 4 elsewhere").containsExactlyInAnyOrder("2401.00001",
                "2401.00003");
        assertThat(ids("gpt4")).as("and the other way round").containsExactlyInAnyOrder("2401.00001", "2401.00003");
        assertThat(ids("k-means")).as("not K-Harmonic Means").containsExactlyInAnyOrder("2401.00004", "2401.00006");
        assertThat(ids("ti:k-means")).as("or as one").containsExactlyInAnyOrder("2401.00004", "2401.00006");
    }

    @Test
    void lettersThenDigitsAlsoFindTheWordWrittenInTwo() {
        assertThat(ids("llama3")).as("and Llama-3.1").containsExactlyInAnyOrder("2401.00007", "2401.00008",
                "2401.00018");
        assertThat(ids("llama-3")).containsExactlyInAnyOrder("2401.00007", "2401.00008", "2401.00018");
        List<String> gpt4o = List.of("2401.00007", "2401.00008", "2401.00013", "2401.00018", "2401.00021");
        assertThat(ids("gpt4o")).containsExactlyInAnyOrderElementsOf(gpt4o);
        assertThat(ids("GPT-4o")).containsExactlyInAnyOrderElementsOf(gpt4o);
    }

    @Test
    void aChainOfPartsIsFoundByEachRunOfThem() {
        assertThat(ids("gpt-4o-mini")).containsExactly("2401.00013");
        assertThat(ids("4o-mini")).containsExactly("2401.00013");
        assertThat(ids("gpt-4")).as("GPT-4o is not GPT-4").doesNotContain("2401.00013");
    }

    @Test
    void aStopWordPartIsFoundOnlyJoined() {
        assertThat(ids("in-context")).as("not any context, nor \"In Context\"").containsExactlyInAnyOrder("2401.00013", "2401.00015",
                "2401.00022");
        assertThat(ids("in-the-wild")).as("a title that writes it apart").containsExactly("2401.00027");
        assertThat(ids("few-shot")).as("in a title").containsExactly("2401.00015");
        assertThat(ids("self-supervised")).as("written apart in an abstract: not found")
                .doesNotContain("2401.00015");
    }

    @Test
    void theCombinedFieldHoldsEveryRunOfAHyphenatedWordJoined() {
        assertThat(CompoundWords.joinedTerms(PaperAnalyzers.english(),
                "GPT-4o-mini, self–supervised (x-) -y 3-D a-b-c-d-e-f-g"))
                .contains("gpt4o", "4omini", "gpt4omini", "selfsupervise", "3d", "ab", "abcdef") // stemmed, as typed words are
                .doesNotContain("abcdefg", "fg", "x", "y");
        assertThat(CompoundWords.joinedTerms(PaperAnalyzers.english(), "$N$-body and $\\gamma$-ray, $x$ and $y$"))
                .as("TeX's dollars left out").containsExactly("nbody", "gammaray");
    }

    @Test
    void aHyphenatedWordFindsATitleThatWritesItApart() {
        assertThat(ids("mixture-of-experts")).as("not across a colon").containsExactly("2401.00016");
        assertThat(ids("self-supervised")).containsExactly("2401.00016");
        assertThat(ids("asymmetric")).as("a stop word is joined only with another").isEmpty();
        assertThat(ids("selfsupervised")).as("a plain word is not two title words that spell it").isEmpty();
        assertThat(ids("ti:mixture-of-experts")).contains("2401.00016");
        assertThat(ids("expertsself")).as("nor across a colon").isEmpty();
    }

    @Test
    void titleWordsJoinedDoNotMakeAPaperLonger() {
        List<Float> scores = index.search(new SearchRequest("kernel", 1, 10)).hits().stream()
                .map(SearchHit::score).toList();
        assertThat(scores).as("the same words, with and without runs to join").hasSize(2);
        assertThat(scores.get(0)).isEqualTo(scores.get(1));
    }

    @Test
    void titleWordsJoinedElsewhereLeaveAPlainWordsScoreAsItWas() throws Exception {
        float[] scores = new float[2];
        String[] others = {"Deep Kernel, Machines, Learn, Fast", "Deep Kernel Machines Learn Fast"};
        for (int i = 0; i < 2; i++) {
            try (LuceneSearchIndex alone = new LuceneSearchIndex()) {
                alone.libraryChanging(library(paper("2401.00001").title("Kernel"),
                        paper("2401.00002").title(others[i])));
                scores[i] = alone.search(new SearchRequest("kernel", 1, 10)).hits().stream()
                        .filter(h -> h.paper().paper().arxivId().equals("2401.00001"))
                        .findFirst().orElseThrow().score();
            }
        }
        assertThat(scores[1]).as("not in the average length either").isEqualTo(scores[0]);
    }

    @Test
    void aTitleHoldsItsAdjacentWordsJoined() {
        assertThat(CompoundWords.titleRuns(PaperAnalyzers.english(),
                "State of the Art: Self Supervised GPT 4, in the wild"))
                .containsExactly("stateoftheart", "oftheart", "selfsupervise", "supervisedgpt", "gpt4", "inthewild");
        assertThat(CompoundWords.titleRuns(PaperAnalyzers.english(), "One of the of Two")).as("two stop words at most")
                .isEmpty();
        assertThat(CompoundWords.titleRuns(PaperAnalyzers.english(), "Test-Time Scaling, Don't Ask: KIT's Low Rank"))
                .as("only whole words").containsExactly("lowrank");
        assertThat(CompoundWords.titleRuns(PaperAnalyzers.english(), "Sparse (Mixture of Experts) Models"))
                .containsExactly("mixtureofexpert");
        assertThat(CompoundWords.titleRuns(PaperAnalyzers.english(), "Tackling the 'Lost in the Middle' Challenge"))
                .as("in quotes").containsExactly("lostinthemiddle", "inthemiddle");
    }

    @Test
    void aVersionIsFoundWrittenAsOneOrApartButNotItsPartsAnywhere() {
        assertThat(ids("llama3.1")).containsExactlyInAnyOrder("2401.00018", "2401.00019");
        assertThat(ids("llama-3.1")).containsExactlyInAnyOrder("2401.00018", "2401.00019");
        assertThat(ids("qwen2.5")).containsExactlyInAnyOrder("2401.00019", "2401.00028");
    }

    @Test
    void aNameTypedBeforeANumberIsAlsoTheWordTheyMake() {
        assertThat(ids("llama 3.1")).as("LLaMA3.1 too; the two side by side first")
                .containsExactlyInAnyOrder("2401.00018", "2401.00019", "2401.00020").first().isEqualTo("2401.00018");
        assertThat(ids("gpt 4o")).containsExactlyInAnyOrder("2401.00007", "2401.00008", "2401.00013", "2401.00018",
                "2401.00021");
        assertThat(ids("qwen 2.5")).containsExactlyInAnyOrder("2401.00019", "2401.00028");
        assertThat(ids("ti:qwen 2.5")).as("the word in the title").containsExactly("2401.00028");
        assertThat(ids("ti:(qwen 2.5)")).containsExactly("2401.00028");
        assertThat(ids("abs:llama 3.1")).containsExactly("2401.00019");
        assertThat(ids("\"gpt 4o\"")).as("a phrase is as typed").doesNotContain("2401.00008");
    }

    @Test
    void aFieldFindsAWordInPartsInEachFormItHolds() {
        assertThat(ids("ti:gpt4o")).containsExactly("2401.00021");
        assertThat(ids("ti:gpt-4o")).containsExactly("2401.00021");
        assertThat(ids("abs:gpt-4o")).as("GPT-4o, gpt4o, GPT-4o-mini")
                .containsExactlyInAnyOrder("2401.00007", "2401.00008", "2401.00013", "2401.00018");
        assertThat(ids("abs:llama3.1")).containsExactly("2401.00019");
        assertThat(ids("ti:llama3.1")).containsExactly("2401.00018");
        assertThat(ids("ti:mixture-of-experts")).as("a phrase, as in quotes").contains("2401.00016");
        assertThat(ids("ti:multi-agent")).as("the rare spelling after").containsExactly("2401.00024", "2401.00023");
        assertThat(ids("ti:multiagent")).containsExactly("2401.00023");
        assertThat(ids("ti:in-context")).as("not every context title").containsExactly("2401.00022");
    }

    @Test
    void aHyphenatedNameIsOnePersonsName() {
        assertThat(ids("smith-jones")).as("not Smith and Jones, two authors").containsExactly("2401.00009");
        assertThat(ids("jean-pierre")).containsExactly("2401.00011");
    }

    @Test
    void aWordSplitOtherwiseStillNeedsItsPartsAnywhere() {
        assertThat(ids("input/output")).containsExactly("2401.00012");
        assertThat(ids("output-input")).as("the parts in the order typed").isEmpty();
    }

    @Test
    void theBestWayAPaperHasTheWordCountsNotTheirSum() {
        // GPT-4 in the title beats GPT4 in an abstract, though GPT4 is the rarer term
        assertThat(ids("gpt-4")).first().isEqualTo("2401.00001");
    }
}
