package dev.paperboy.core.command;

import dev.paperboy.core.SearchPage;

/** One page of search results; adapters offer previous and next from {@code page.page()} and {@code page.pageCount()}. */
public record SearchReply(SearchPage page) implements Reply {
}
