package dev.paperboy.core.command;

import dev.paperboy.core.ArxivIds;
import dev.paperboy.core.Library;
import dev.paperboy.core.LibraryPaper;
import dev.paperboy.core.LiveLibrary;
import dev.paperboy.core.Paper;
import dev.paperboy.core.SearchIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /paper <id>}: one paper in full, by arXiv id, or by its exact title (every paper of that title, a few at
 * most).
 */
final class PaperCommand implements Command {

    /** Papers of one exact title shown in full at most; the reply says when there are more. */
    static final int SHOWN_OF_A_TITLE = 3;

    private final LiveLibrary library;
    private final SearchIndex search;

    PaperCommand(LiveLibrary library, SearchIndex search) {
        this.library = library;
        this.search = search;
    }

    @Override
    public String name() {
        return "paper";
    }

    @Override
    public String description() {
        return "One paper in full, by arXiv id (e.g. 2211.07638) or exact title";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(new CommandOption("id", "The arXiv id, e.g. 2211.07638 (version optional), or the title",
                true, CommandOption.Kind.PAPER_ID));
    }

    @Override
    public Reply execute(CommandRequest request, Caller caller) {
        String typed = request.arguments();
        if (typed.isEmpty()) {
            return new ErrorReply("Tell me which paper: /paper 2211.07638 (the arXiv id; the version is optional).");
        }
        Library snapshot = library.current();
        String shown = TypedText.shown(typed, 60);
        // a digest's paper from the library; a loose one, which the library does not hold, from the index
        if (ArxivIds.isArxivId(typed)) {
            String id = ArxivIds.normalise(typed).orElseThrow();
            Optional<LibraryPaper> paper = snapshot.findById(id).or(() -> search.findPaper("arxiv:" + id));
            return paper.<Reply>map(PaperReply::new).orElseGet(() -> new ErrorReply("I have no paper " + id
                    + ". Search for it with /search, or check the id."));
        }
        String title = Paper.normaliseTitle(typed);
        if (title.isEmpty()) {
            return new ErrorReply("\"" + shown + "\" is neither an arXiv id nor a title: type an id like"
                    + " /paper 2211.07638, or the paper's title.");
        }
        List<LibraryPaper> sameTitle = sameTitle(snapshot.findByTitle(typed),
                search.findPapers("title:" + title, SHOWN_OF_A_TITLE + 1));
        if (sameTitle.isEmpty()) {
            // a suggested command must be whole: a long title cut short would search for its cut words
            String lookUp = shown.equals(typed) ? "/search " + typed : "/search and a few words of it";
            return new ErrorReply("\"" + shown + "\" is neither an arXiv id nor the exact title of a paper I have."
                    + " Type an id like /paper 2211.07638, or look it up with " + lookUp);
        }
        boolean more = sameTitle.size() > SHOWN_OF_A_TITLE;
        return new PaperReply(more ? sameTitle.subList(0, SHOWN_OF_A_TITLE) : sameTitle, more);
    }

    /**
     * The papers of one title, newest first, then by key as the index orders them: the digests' (from the library)
     * and the index's, each once, a digest's copy rather than the index's. The index is asked for one more than is
     * shown, enough to tell that there are more.
     */
    private static List<LibraryPaper> sameTitle(List<LibraryPaper> digests, List<LibraryPaper> indexed) {
        Map<String, LibraryPaper> byKey = new LinkedHashMap<>();
        digests.forEach(paper -> byKey.putIfAbsent(paper.key(), paper));
        indexed.forEach(paper -> byKey.putIfAbsent(paper.key(), paper));
        List<LibraryPaper> papers = new ArrayList<>(byKey.values());
        papers.sort(Comparator.comparing(LibraryPaper::date, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(LibraryPaper::key));
        return papers;
    }
}
