package dev.paperboy.core.command;

import dev.paperboy.core.LibraryPaper;

/** One paper with its whole abstract: the "more" behind a shortened result. */
public record PaperReply(LibraryPaper paper) implements Reply {
}
