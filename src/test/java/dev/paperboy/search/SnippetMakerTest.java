package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.Snippet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SnippetMakerTest {

    private final SnippetMaker snippets = new SnippetMaker(PaperAnalyzers.english());

    private static java.util.List<String> marked(Snippet snippet) {
        return snippet.spans().stream().filter(Snippet.Span::highlighted).map(Snippet.Span::text).toList();
    }

    @Test
    void marksWordsWithAccentsPossessivesAndPluralsAsTheIndexReadsThem() {
        Snippet snippet = snippets.snippet("We solve Schrödinger's equation with Models; the model's errors shrink.",
                Set.of("schrodinger", "model"));

        assertThat(marked(snippet)).containsExactly("Schrödinger's", "Models", "model's");
    }

    private List<String> markedFor(String query, String abstractText) {
        PaperQueryFactory queries = new PaperQueryFactory(PaperAnalyzers.english(), PaperAnalyzers.names());
        return marked(snippets.snippet(abstractText, queries.highlightTerms(UserQueryParser.parse(query))));
    }

    @Test
    void aWordTypedInPartsIsMarkedOnlyWhereItsPartsStandTogether() {
        assertThat(markedFor("gpt-4 agents", "GPT-2 agents win 4 of 5 games, as GPT-4 and GPT4 do; GPT and 4 not."))
                .as("as one word").containsExactly("agents", "GPT-4", "GPT4");
        assertThat(markedFor("mixture-of-experts", "A mixture of experts, a Mixture-of-Experts, experts of mixture."))
                .containsExactly("mixture of experts", "Mixture-of-Experts");
        assertThat(markedFor("in-context", "In this context we study in-context and in context use, not contexts."))
                .as("with the stop word typed before it").containsExactly("in-context", "in context");
        assertThat(markedFor("in-the-wild", "Faces in the wild, the wild, in-the-wild; InTheWild."))
                .containsExactly("in the wild", "in-the-wild", "InTheWild");
        assertThat(markedFor("\"language model\" watermark", "Natural language, a watermark for language models."))
                .as("a phrase where it stands").containsExactly("watermark", "language models");
        assertThat(markedFor("\"state of the art\"", "The state of the art, state-of-the-art; the art."))
                .containsExactly("state of the art", "state-of-the-art");
        assertThat(markedFor("\"in the wild\"", "Wild data in the wild.")).as("with its stop words")
                .containsExactly("in the wild");
        assertThat(markedFor("Qwen 2.5", "Qwen-2.5 and Qwen2.5 beat Gemini-2.5; Qwen 2.5 too, and Qwen."))
                .as("the number only after the name").containsExactly("Qwen-2.5", "Qwen2.5", "Qwen 2.5", "Qwen");
        assertThat(markedFor("gpt4o", "GPT-4o, GPT4o and GPT 4o, not GPT-4 nor 4o alone."))
                .containsExactly("GPT-4o", "GPT4o", "GPT 4o");
    }

    @Test
    void numbersAndAbbreviationsStayWholeWords() {
        Snippet snippet = snippets.snippet("GPT-4 beats version 3.5 on e.g. math, and 4 is marked.", Set.of("4"));

        assertThat(marked(snippet)).containsExactly("4", "4");
    }

    @Test
    void findsWordsInAnyCaseAndNeverInsideAWord() {
        Snippet snippet = snippets.snippet("Isn't it laborious? LARGE models of La Palma's ridges; enlarge re.large.",
                Set.of("large", "model", "palma"));

        assertThat(marked(snippet)).containsExactly("LARGE models", "Palma's");
    }

    @Test
    void anAccentedFirstLetterIsFoldedLikeTheIndexFoldsIt() {
        Snippet snippet = snippets.snippet("Work by Erdős and Ørsted on Édouard's graphs.", Set.of("edouard", "orst"));

        assertThat(marked(snippet)).containsExactly("Édouard's");
    }

    @Test
    void runsOfWhiteSpaceBecomeOneSpaceInThePieceShown() {
        String abstractText = "  A study\nof   large\n\tlanguage models,\r\nwhich   " + "fill pages of text ".repeat(20) + " \n";

        Snippet marked = snippets.snippet(abstractText, Set.of("large", "language"));
        Snippet lead = snippets.snippet(abstractText, Set.of("nothing"));

        assertThat(marked.plainText()).startsWith("A study of large language models, which fill pages");
        assertThat(marked(marked)).containsExactly("large language");
        assertThat(lead.plainText()).startsWith("A study of large language models, which fill").endsWith("…")
                .doesNotContain("  ", "\n", "\t", "\r");
        assertThat(marked.plainText()).doesNotContain("  ", "\n", "\t", "\r");
    }

    @Test
    void aPieceCutInsideARunOfWhiteSpaceStartsAndEndsWithAWord() {
        // long words around two-line breaks, so that both cuts land at the start of a run of white space
        String abstractText = "Intro " + "a".repeat(100) + "\n\nb c d e " + "target " + "z".repeat(150) + "\n\n"
                + "y".repeat(100) + " end.";

        Snippet snippet = snippets.snippet(abstractText, Set.of("target"));

        assertThat(snippet.plainText()).isEqualTo("…b c d e target " + "z".repeat(150) + "…");
        assertThat(marked(snippet)).containsExactly("target");
    }

    @Test
    void showsTheFirstPlaceWhereAllTheWordsStandTogether() {
        String abstractText = "Alpha beta open the text, and beta again. " + "Filler words go on. ".repeat(15)
                + "Later alpha beta alpha beta alpha beta.";

        Snippet snippet = snippets.snippet(abstractText, Set.of("alpha", "beta"));

        assertThat(snippet.plainText()).startsWith("Alpha beta open the text");
        assertThat(marked(snippet)).containsExactly("Alpha beta", "beta");
    }

    @Test
    void theTermsOfOnePageServeEverySnippetOnIt() {
        SnippetTerms terms = new SnippetTerms(Set.of("model"));

        assertThat(marked(snippets.snippet("Models of the world.", terms))).containsExactly("Models");
        assertThat(marked(snippets.snippet("A model's view; modest modes.", terms))).containsExactly("model's");
    }
}
