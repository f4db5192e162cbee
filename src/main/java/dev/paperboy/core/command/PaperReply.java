package dev.paperboy.core.command;

import dev.paperboy.core.LibraryPaper;
import java.util.List;
import java.util.Optional;

/**
 * Papers with their whole abstracts: the "more" behind a shortened result, or the papers of one exact title,
 * newest first, with {@code more} true when that title has more papers than those shown.
 */
public record PaperReply(List<LibraryPaper> papers, boolean more) implements Reply {

    public PaperReply {
        papers = List.copyOf(papers);
        if (papers.isEmpty()) {
            throw new IllegalArgumentException("a paper reply shows at least one paper");
        }
    }

    public PaperReply(LibraryPaper paper) {
        this(List.of(paper), false);
    }

    /** The paper shown, the newest when several share a title. */
    public LibraryPaper paper() {
        return papers.get(0);
    }

    /** When several papers share the title, a note that says so, to go before them; else empty. */
    public Optional<TextReply> sameTitleNote() {
        if (more) {
            return Optional.of(TextReply.of("More than " + papers.size() + " papers have this exact title",
                    "The " + papers.size() + " newest are shown; /search with the title and an author's name finds"
                            + " the others."));
        }
        return papers.size() == 1 ? Optional.empty()
                : Optional.of(TextReply.of(papers.size() + " papers have this exact title",
                        "Newest first."));
    }
}
