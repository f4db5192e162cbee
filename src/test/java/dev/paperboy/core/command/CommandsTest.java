package dev.paperboy.core.command;

import static dev.paperboy.core.Fixtures.digest;
import static dev.paperboy.core.Fixtures.paper;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.ContentProblem;
import dev.paperboy.core.Digest;
import dev.paperboy.core.FakeContentSource;
import dev.paperboy.core.FakeSearchIndex;
import dev.paperboy.core.LiveLibrary;
import dev.paperboy.core.Paper;
import dev.paperboy.core.SearchPage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandsTest {

    private final FakeContentSource source = new FakeContentSource();
    private final FakeSearchIndex index = new FakeSearchIndex();
    private final Clock clock = Clock.fixed(Instant.parse("2022-11-16T08:00:00Z"), ZoneOffset.UTC);
    private final LiveLibrary library = new LiveLibrary(source, List.of(index), clock);
    private final CommandDispatcher dispatcher = new CommandDispatcher(
            CommandRegistry.standard(library, index, clock, ZoneId.of("UTC"), 2));
    private final Caller user = new Caller(Platform.TELEGRAM, "chat", "42", false, false, false);
    private final Caller admin = new Caller(Platform.TELEGRAM, "chat", "1", true, false, false);

    @BeforeEach
    void load() {
        List<Paper> many = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            many.add(paper(String.format("2211.%05d", i), "Transformer number " + i));
        }
        source.willLoad(List.of(
                digest("Vision Transformer", "2022-11-14", many.get(0), many.get(1)),
                digest("Vision Transformer", "2022-11-15", many.get(2), many.get(3)),
                digest("Speech", "2022-11-15", many.get(4), paper(null, "Listening without ids"))));
        assertThat(library.reload().applied()).isTrue();
    }

    private Reply run(String line, Caller caller) {
        return dispatcher.dispatch(CommandDispatcher.parse(line, "PaperboyBot").orElseThrow(), caller);
    }

    private String error(String line, Caller caller) {
        Reply reply = run(line, caller);
        assertThat(reply).isInstanceOf(ErrorReply.class);
        return ((ErrorReply) reply).message();
    }

    @Test
    void parsesNamesArgumentsAndBotMentions() {
        assertThat(CommandDispatcher.parse("/search  vision transformer ", "PaperboyBot"))
                .contains(new CommandRequest("search", "vision transformer"));
        assertThat(CommandDispatcher.parse("/Search@paperboybot vit", "PaperboyBot"))
                .contains(new CommandRequest("search", "vit"));
        assertThat(CommandDispatcher.parse("/search@OtherBot vit", "PaperboyBot")).isEmpty();
        assertThat(CommandDispatcher.parse("hello", "PaperboyBot")).isEmpty();
        assertThat(CommandDispatcher.parse("/", "PaperboyBot")).isEmpty();
        assertThat(CommandDispatcher.parse("/topics@any", null)).contains(new CommandRequest("topics", ""));
    }

    @Test
    void helpListsAdminCommandsOnlyToAdmins() {
        TextReply forUser = (TextReply) run("/help", user);
        TextReply forAdmin = (TextReply) run("/help", admin);
        assertThat(String.join("\n", forUser.lines())).contains("/search <query>", "/digest <date> [topic]")
                .doesNotContain("/reload");
        assertThat(String.join("\n", forAdmin.lines())).contains("/reload", "/status");
    }

    @Test
    void unknownCommandSuggestsTheClosest() {
        assertThat(error("/serch vit", user)).isEqualTo(
                "I don't know the command /serch. Did you mean /search <query>? Type /help to see all commands.");
        assertThat(error("/xyzzy", user)).isEqualTo("I don't know the command /xyzzy. Type /help to see all commands.");
    }

    @Test
    void adminCommandsRefuseOthersPolitely() {
        assertThat(error("/reload", user)).startsWith("/reload is for admins only.");
        assertThat(error("/status", user)).startsWith("/status is for admins only.");
        assertThat(source.loads()).isEqualTo(1);
    }

    @Test
    void searchPagesAndExplainsEmptyResults() {
        SearchReply first = (SearchReply) run("/search transformer", user);
        assertThat(first.page().total()).isEqualTo(5);
        assertThat(first.page().pageCount()).isEqualTo(3);
        Reply third = dispatcher.dispatch(new CommandRequest("search", "transformer", 3), user);
        assertThat(((SearchReply) third).page().hits()).hasSize(1);
        // a button of an older reply, from when there were more results: the last page, saying so
        SearchPage pastTheEnd = ((SearchReply) dispatcher.dispatch(new CommandRequest("search", "transformer", 4),
                user)).page();
        assertThat(pastTheEnd.page()).isEqualTo(3);
        assertThat(pastTheEnd.hits()).hasSize(1);
        assertThat(pastTheEnd.problems()).containsExactly("There are only 3 pages of results now; this is the last.");
        assertThat(error("/search", user)).contains("/search vision transformer");
        assertThat(((TextReply) run("/search quantum gravity", user)).title())
                .isEqualTo("No papers match \"quantum gravity\".");
    }

    @Test
    void aPastedEssayIsEchoedOnOneLineCutToEightyCharacters() {
        String essay = ("quantum <b>gravity</b> *_@everyone 💥\n").repeat(60).substring(0, 2000);
        String shown = TypedText.query(essay);
        assertThat(shown).hasSize(81).doesNotContain("\n").endsWith("…")
                .startsWith("quantum <b>gravity</b> *_@everyone 💥 quantum");
        assertThat(((TextReply) run("/search " + essay, user)).title()).isEqualTo("No papers match \"" + shown + "\".");
        SearchReply tooFar = (SearchReply) dispatcher.dispatch(new CommandRequest("search",
                "transformer\n" + "r ".repeat(1000), 4), user);
        assertThat(tooFar.page().page()).isEqualTo(3);
    }

    @Test
    void latestOfATopicOrOfTheNewestDay() {
        DigestReply ofTopic = (DigestReply) run("/latest vision transformer", user);
        assertThat(ofTopic.digests()).singleElement().extracting(Digest::date)
                .isEqualTo(LocalDate.parse("2022-11-15"));
        DigestReply all = (DigestReply) run("/latest", user);
        assertThat(all.digests()).extracting(Digest::topic).containsExactly("Speech", "Vision Transformer");
        assertThat(error("/latest vision transfomer", user))
                .isEqualTo("There is no topic \"vision transfomer\". Did you mean \"Vision Transformer\"? "
                        + "Type /topics to see all 2 topics.");
    }

    @Test
    void digestByDateWithOrWithoutTopic() {
        assertThat(((DigestReply) run("/digest 2022-11-15", user)).digests()).hasSize(2);
        assertThat(((DigestReply) run("/digest 2022-11-15 speech", user)).digests()).singleElement()
                .extracting(Digest::topic).isEqualTo("Speech");
        assertThat(((DigestReply) run("/digest yesterday", user)).digests()).hasSize(2);
        assertThat(error("/digest 2022-13-45", user)).isEqualTo(
                "\"2022-13-45\" is not a date. Type it as YYYY-MM-DD, for example /digest 2022-11-15 "
                        + "(or use today / yesterday).");
        assertThat(error("/digest 2022-11-20 Speech", user)).isEqualTo(
                "There is no digest on 2022-11-20 for \"Speech\". The nearest days with one: 2022-11-15.");
        assertThat(error("/digest", user)).contains("/digest 2022-11-15");
        assertThat(error("/digest 2022-11-15 Astronomy", user)).startsWith("There is no topic \"Astronomy\".");
    }

    @Test
    void paperByIdAnyVersionOrByTitle() {
        assertThat(((PaperReply) run("/paper 2211.00003v2", user)).paper().paper().title())
                .isEqualTo("Transformer number 3");
        assertThat(((PaperReply) run("/paper listening WITHOUT ids", user)).paper().paper().arxivId()).isNull();
        assertThat(error("/paper 2301.99999", user)).isEqualTo(
                "I have no paper 2301.99999. Search for it with /search, or check the id.");
        assertThat(error("/paper something else", user)).contains("neither an arXiv id nor the exact title");
        assertThat(error("/paper something else", user)).endsWith("look it up with /search something else");
        assertThat(error("/paper " + "a long title ".repeat(10), user)).endsWith("look it up with /search and a few"
                + " words of it");
        assertThat(error("/paper", user)).contains("/paper 2211.07638");
        assertThat(error("/paper ?!", user)).as("no title is all punctuation").isEqualTo(
                "\"?!\" is neither an arXiv id nor a title: type an id like /paper 2211.07638, or the paper's title.");
    }

    @Test
    void aPaperOfNoDigestIsFoundThroughTheSearchIndexByIdOrTitle() {
        Paper loose = paper("2401.00007", "A loose paper from a dump");
        source.willLoad(library.current().digests(), List.of(loose));
        assertThat(library.reload().applied()).isTrue();
        assertThat(library.current().findById("2401.00007")).as("the library does not hold it").isEmpty();

        PaperReply byId = (PaperReply) run("/paper arXiv:2401.00007v2", user);
        assertThat(byId.paper().paper()).isEqualTo(loose);
        assertThat(byId.paper().topics()).isEmpty();
        assertThat(((PaperReply) run("/paper a loose paper from a DUMP", user)).paper().paper()).isEqualTo(loose);
        assertThat(((PaperReply) run("/paper 2211.00003", user)).paper().topics()).containsExactly("Vision Transformer");
        assertThat(((PaperReply) run("/paper transformer NUMBER 3", user)).paper().paper().arxivId())
                .as("a digest's paper with an id, by its title").isEqualTo("2211.00003");
    }

    @Test
    void papersThatShareATitleAreShownNewestFirstAFewAtMost() {
        Paper older = dated("2401.00001", "Same Title", "2024-01-01");
        Paper newer = dated("2402.00002", "Same title!", "2024-02-01");
        source.willLoad(List.of(digest("Speech", "2024-02-01", newer)), List.of(older));
        assertThat(library.reload().applied()).isTrue();

        PaperReply two = (PaperReply) run("/paper same TITLE", user);

        assertThat(two.papers()).extracting(p -> p.paper().arxivId()).containsExactly("2402.00002", "2401.00001");
        assertThat(two.papers().get(0).topics()).as("the digest's copy").containsExactly("Speech");
        assertThat(two.more()).isFalse();
        assertThat(two.sameTitleNote()).get().extracting(TextReply::title).isEqualTo("2 papers have this exact title");

        source.willLoad(List.of(digest("Speech", "2024-02-01", newer)), List.of(older,
                dated("2403.00003", "Same title", "2024-03-01"), dated("2404.00004", "same title", "2024-04-01")));
        assertThat(library.reload().applied()).isTrue();
        PaperReply many = (PaperReply) run("/paper Same Title", user);

        assertThat(many.papers()).extracting(p -> p.paper().arxivId())
                .containsExactly("2404.00004", "2403.00003", "2402.00002");
        assertThat(many.more()).isTrue();
        assertThat(many.sameTitleNote()).get().extracting(TextReply::title)
                .isEqualTo("More than 3 papers have this exact title");
        assertThat(((PaperReply) run("/paper 2401.00001", user)).sameTitleNote()).as("by id: one paper").isEmpty();
    }

    private static Paper dated(String id, String title, String published) {
        return new Paper(id, 1, title, List.of("Ada Lovelace"), "An abstract.", "", List.of("cs.CL"),
                LocalDate.parse(published), null, List.of());
    }

    @Test
    void topicsListsCounts() {
        TextReply topics = (TextReply) run("/topics", user);
        assertThat(topics.lines()).containsExactly(
                "Speech — 1 digest, 2 papers, newest 2022-11-15",
                "Vision Transformer — 2 digests, 4 papers, newest 2022-11-15");
    }

    @Test
    void reloadReportsChangesOrEveryProblem() {
        source.willLoad(List.of(digest("Speech", "2022-11-15", paper(null, "Only one"))));
        TextReply ok = (TextReply) run("/reload", admin);
        assertThat(ok.title()).isEqualTo("Content reloaded: 1 digest, 1 paper.");
        assertThat(ok.lines()).singleElement().asString().startsWith("Changes: digests +0 -2 ~1");
        index.warnNextUpdate("Paper title:only one is left out of search: shorten it");
        assertThat(((TextReply) run("/reload", admin)).lines()).containsExactly("Changes: nothing changed.", "Paper title:only one is left out of search: shorten it");
        source.willFail(new ContentProblem("vit.txt", 14, "\"Authors:\" line expected after the title \"X\""));
        assertThat(error("/reload", admin)).isEqualTo("Reload refused: 1 problem in the content; the previous "
                + "content is still being served. Fix these and run /reload again:\n"
                + "vit.txt:14: \"Authors:\" line expected after the title \"X\"");
        assertThat(((TextReply) run("/topics", user)).lines()).hasSize(1);
        TextReply status = (TextReply) run("/status", admin);
        assertThat(String.join("\n", status.lines())).contains("Content: fake content",
                "1 topic, 1 digest, 1 paper", "refused with 1 problem;");
    }

    @Test
    void emptyLibraryIsExplained() {
        source.willLoad(List.of());
        library.reload();
        assertThat(error("/latest", user)).contains("no digests yet");
        assertThat(error("/topics", user)).contains("no digests yet");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/search \"", "/search ***", "/search -", "/digest ☃☃☃", "/paper <b>", "/latest 💥",
            "/search ((((", "/paper arXiv:", "/digest 9999-99-99 x"})
    void hostileInputNeverThrows(String line) {
        // The dispatcher turns an exception into an apology, so a reply alone proves nothing.
        Reply reply = run(line, user);
        assertThat(reply).isNotNull();
        if (reply instanceof ErrorReply error) {
            assertThat(error.message()).doesNotStartWith("Sorry, /");
        }
    }

    @Test
    void aCommandThatThrowsBecomesAnApology() {
        Command broken = new Command() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public String description() {
                return "Always fails";
            }

            @Override
            public List<CommandOption> options() {
                return List.of();
            }

            @Override
            public Reply execute(CommandRequest request, Caller caller) {
                throw new IllegalStateException("boom");
            }
        };
        CommandDispatcher withBroken = new CommandDispatcher(new CommandRegistry(List.of(broken)));
        assertThat(((ErrorReply) withBroken.dispatch(new CommandRequest("broken", ""), user)).message())
                .startsWith("Sorry, /broken failed on my side.");
    }

    @Test
    void aPagePastTheOnlyOneSaysPageInTheSingular() {
        assertThat(new SearchPage("q", null, List.of(), 1, 2, 10).onlyPages()).isEqualTo("There is only 1 page");
        assertThat(new SearchPage("q", null, List.of(), 30, 4, 10).onlyPages()).isEqualTo("There are only 3 pages");
    }
}
