package dev.paperboy.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.ContentFiles;
import dev.paperboy.PaperboyApp;
import dev.paperboy.config.ConfigLoader;
import dev.paperboy.config.PaperboyConfig;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleAdapterTest {

    @TempDir
    Path dir;

    private PaperboyApp app;

    @BeforeEach
    void start() {
        Path content = ContentFiles.standard(dir.resolve("content"));
        app = new PaperboyApp(PaperboyConfig.defaults().withDirectories(content, dir.resolve("data")),
                Clock.systemUTC());
        app.loadContent();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private String converse(String input, boolean interactive) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        new ConsoleAdapter(app.dispatcher(), new ConsoleRenderer(), new BufferedReader(new StringReader(input)), out,
                interactive).run();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The conversation with every run of white space as one space, so wrapped sentences read whole. */
    private String converseFlat(String input) throws Exception {
        return converse(input, false).replaceAll("\\s+", " ");
    }

    @Test
    void pipedCommandsAreAnsweredAndTheAdapterEndsAtEndOfInput() throws Exception {
        String output = converse("/search transformers\n/latest vision transformer\n/topics\n", false);
        assertThat(output).contains("Listening Transformers", "Sparse Patches for Fast Vision Transformers")
                .contains("Vision Transformer · 2022-11-15")
                .contains("Speech — 1 digest, 1 paper, newest 2022-11-16")
                .doesNotContain("> ");
    }

    private void onePerPage() {
        app.close();
        PaperboyConfig onePerPage = new ConfigLoader().parse("test.yml", "page-size: 1\n")
                .withDirectories(dir.resolve("content"), dir.resolve("data"));
        app = new PaperboyApp(onePerPage, Clock.systemUTC());
        app.loadContent();
    }

    @Test
    void plainWordsSearchAndPagingWalksTheLastSearch() throws Exception {
        onePerPage();
        String output = converseFlat("invented\n/prev\n/next\n/next\n/next\n/prev\n");
        String last = "This is already the last page of results for \"invented\"; there is nothing more to page "
                + "through. Run /search again";
        assertThat(output).contains("Page 1 of 3", "Page 2 of 3", "Page 3 of 3")
                .contains("This is already the first page of results for \"invented\".", last);
        assertThat(output.indexOf("Page 3 of 3")).isLessThan(output.indexOf(last));
        assertThat(output.lastIndexOf("Page 2 of 3")).isGreaterThan(output.indexOf(last));
    }

    @Test
    void pagingAfterASearchThatFoundNothingNeverGoesBackToAnOlderSearch() throws Exception {
        onePerPage();
        String output = converseFlat("/search invented\n/next\n/search xqzvbnm\n/next\n/prev\n");
        assertThat(output).contains("Page 2 of 3", "No papers match \"xqzvbnm\".")
                .contains("Your last search, \"xqzvbnm\", found nothing to page through. Run /search again with other "
                        + "words.")
                .doesNotContain("Page 3 of 3", "already the first page");
        assertThat(output.indexOf("Page 2 of 3")).isEqualTo(output.lastIndexOf("Page 2 of 3"));

        // A new search with results pages again, from its own first page.
        assertThat(converseFlat("xqzvbnm\n/next\ninvented\n/next\n"))
                .contains("Your last search, \"xqzvbnm\", found nothing", "Page 2 of 3");
    }

    @Test
    void aLongHostileQueryIsEchoedShortAndOnOneLine() throws Exception {
        String query = ("invented " + "<>&\"*_`~|@# 💥 ".repeat(200)).substring(0, 2000);
        String input = "/search " + query + "\n/next\n/search " + query.replace("invented", "nothing") + "\n";
        String output = converse(input, false);
        String shown = "invented <>&\"*_`~|@# 💥 <>&\"*_`~|@# 💥 <>&\"*_`~|@# 💥 <>&\"*_`~|@# 💥 <>&\"*_`~|@#…";
        assertThat(output).contains("Results for \"" + shown + "\"\n", "Colour Constancy with Attention");
        assertThat(output.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
        assertThat(converseFlat(input)).contains("This is already the last page of results for \"" + shown + "\"",
                "No papers match \"nothing <>&");
    }

    @Test
    void pagingWithoutASearchIsExplained() throws Exception {
        assertThat(converse("/next\n", false)).contains("There is no search to page through yet.");
    }

    @Test
    void quitEndsAndTheConsoleUserIsAnAdmin() throws Exception {
        String output = converse("/status\n/quit\n/topics\n", true);
        assertThat(output).startsWith("Paperboy console.").contains("Paperboy status", "> ")
                .doesNotContain("Speech —");
    }

    @Test
    void unknownCommandsAndEmptyLinesAreHarmless() throws Exception {
        assertThat(converse("\n   \n/nope\n", false)).contains("I don't know the command /nope.");
    }
}
