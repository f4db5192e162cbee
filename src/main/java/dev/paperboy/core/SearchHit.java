package dev.paperboy.core;

/** One search result: the paper, its score, and a snippet of the abstract with the matched words marked. */
public record SearchHit(LibraryPaper paper, float score, Snippet snippet) {
}
