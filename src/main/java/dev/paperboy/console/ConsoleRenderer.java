package dev.paperboy.console;

import dev.paperboy.core.Digest;
import dev.paperboy.core.LibraryPaper;
import dev.paperboy.core.Paper;
import dev.paperboy.core.SearchHit;
import dev.paperboy.core.SearchPage;
import dev.paperboy.core.command.ErrorReply;
import dev.paperboy.core.command.TextReply;
import dev.paperboy.core.command.TypedText;
import dev.paperboy.core.render.AuthorList;
import dev.paperboy.core.render.PlainText;
import dev.paperboy.core.render.QueryProblems;
import dev.paperboy.core.render.ReplyRenderer;
import dev.paperboy.core.render.SnippetText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Renders neutral replies and digests as plain text for a terminal, wrapped to a fixed width. The
 * console has no length limit, so abstracts are shown whole and each reply or digest is one string;
 * control characters in content are removed so papers cannot drive the terminal.
 */
public final class ConsoleRenderer implements ReplyRenderer<String> {

    private static final String INDENT = "   ";

    private final int width;
    private final boolean pagingCommands;

    /** A renderer for the console chat, which wraps at 100 columns. */
    public ConsoleRenderer() {
        this(100, true);
    }

    /**
     * @param width          the column to wrap text at, at least 40
     * @param pagingCommands whether a page of results ends with how to turn it ({@code /next}, {@code /prev}):
     *                       only where those commands exist
     */
    public ConsoleRenderer(int width, boolean pagingCommands) {
        if (width < 40) {
            throw new IllegalArgumentException("the console width must be at least 40: " + width);
        }
        this.width = width;
        this.pagingCommands = pagingCommands;
    }

    @Override
    public List<String> renderError(ErrorReply error) {
        String message = PlainText.clean(error.message()).strip();
        return List.of(PlainText.wrap("Error: " + (message.isEmpty() ? "something went wrong." : message), width, ""));
    }

    /** A digest as one string: a heading, then every paper with its whole abstract. */
    @Override
    public List<String> renderDigest(Digest digest) {
        int count = digest.papers().size();
        String heading = PlainText.oneLine(digest.topic()) + " · " + digest.date() + " · "
                + (count == 0 ? "no papers" : count + (count == 1 ? " paper" : " papers"));
        StringBuilder out = new StringBuilder(heading).append('\n')
                .append("=".repeat(Math.min(width, heading.length())));
        if (count == 0) {
            out.append("\n\nNo papers in this digest.");
        }
        for (int i = 0; i < count; i++) {
            Paper paper = digest.papers().get(i);
            out.append("\n\n").append(numbered(i + 1, paper.title()));
            List<String> details = new ArrayList<>();
            details.add(AuthorList.format(paper.authors(), 10));
            details.add(paper.comment().isEmpty() ? "" : "Comment: " + paper.comment());
            details.add(paper.absUrl() == null ? "" : paper.absUrl());
            appendLines(out, details, INDENT);
            appendAbstract(out, paper.abstractText(), INDENT);
        }
        String attribution = PlainText.joinLines(digest.source().attribution(), " · ");
        if (!attribution.isEmpty()) {
            out.append("\n\n").append(PlainText.wrap("Source: " + attribution, width, ""));
        }
        return List.of(out.toString());
    }

    @Override
    public List<String> renderSearch(SearchPage page) {
        return List.of(renderSearchBlock(page));
    }

    private String renderSearchBlock(SearchPage page) {
        String query = TypedText.query(page.query());
        StringBuilder out = new StringBuilder();
        if (page.correctedQuery() == null) {
            out.append("Results for \"").append(query).append('"');
        } else {
            out.append(PlainText.wrap("Showing results for \"" + TypedText.query(page.correctedQuery())
                    + "\" instead of \"" + query + "\".", width, ""));
        }
        for (String problem : QueryProblems.lines(page.problems())) {
            out.append('\n').append(PlainText.wrap("Note: " + problem, width, ""));
        }
        if (page.total() == 0) {
            out.append("\nNo papers match. Try fewer or different words.");
            return out.toString();
        }
        String atLeast = page.totalIsLowerBound() ? "at least " : "";
        out.append("\nPage ").append(page.page()).append(" of ").append(atLeast).append(page.pageCount()).append(", ")
                .append(atLeast).append(page.total()).append(page.total() == 1 ? " result" : " results");
        if (page.hits().isEmpty()) {
            out.append("\nThere are no results on this page.");
        }
        int first = (page.page() - 1) * page.pageSize() + 1;
        for (int i = 0; i < page.hits().size(); i++) {
            SearchHit hit = page.hits().get(i);
            LibraryPaper found = hit.paper();
            Paper paper = found.paper();
            String number = (first + i) + ". ";
            String indent = " ".repeat(number.length());
            out.append("\n\n").append(numbered(first + i, paper.title()));
            String meta = joinNonEmpty(AuthorList.format(paper.authors(), 3, hit.matchedAuthors()),
                    found.date() == null ? "" : found.date().toString(), found.primaryTopic());
            String text = hit.snippet().isEmpty()
                    ? PlainText.shorten(PlainText.oneLine(paper.abstractText()), 300)
                    : SnippetText.render(SnippetText.shorten(hit.snippet(), 300), Function.identity(), s -> "*" + s + "*");
            appendLines(out, List.of(meta, text, paper.arxivId() == null ? "" : "More: /paper " + paper.arxivId()),
                    indent);
        }
        String hint = page.page() < page.pageCount() && page.page() > 1 ? "Type /next or /prev to turn the page."
                : page.page() < page.pageCount() ? "Type /next for the next page."
                : page.page() > 1 ? "Type /prev for the previous page." : "";
        if (pagingCommands && !hint.isEmpty()) {
            out.append("\n\n").append(hint);
        }
        return out.toString();
    }

    @Override
    public List<String> renderPaper(LibraryPaper libraryPaper) {
        return List.of(renderPaperBlock(libraryPaper));
    }

    private String renderPaperBlock(LibraryPaper libraryPaper) {
        Paper paper = libraryPaper.paper();
        StringBuilder out = new StringBuilder(PlainText.wrap(PlainText.oneLine(paper.title()), width, ""));
        LocalDate date = libraryPaper.date() != null ? libraryPaper.date() : paper.published();
        List<String> details = new ArrayList<>();
        details.add(paper.authors().isEmpty() ? "" : "Authors: " + String.join(", ", paper.authors()));
        details.add(joinNonEmpty(date == null ? "" : "Date: " + date,
                libraryPaper.topics().isEmpty() ? "" : "Topics: " + String.join(", ", libraryPaper.topics()),
                paper.categories().isEmpty() ? "" : "Categories: " + String.join(", ", paper.categories())));
        details.add(paper.comment().isEmpty() ? "" : "Comment: " + paper.comment());
        details.add(paper.arxivId() == null ? "" : "arXiv: " + paper.absUrl() + " · PDF: " + paper.pdfUrl());
        paper.links().forEach(link -> details.add("Link: " + link));
        appendLines(out, details, "");
        if (paper.abstractText().isEmpty()) {
            out.append("\n\nNo abstract.");
        }
        appendAbstract(out, paper.abstractText(), "");
        return out.toString();
    }

    @Override
    public List<String> renderText(TextReply text) {
        return List.of(renderTextBlock(text));
    }

    private String renderTextBlock(TextReply text) {
        List<String> lines = new ArrayList<>();
        String title = text.title() == null ? "" : PlainText.oneLine(text.title());
        if (!title.isEmpty()) {
            lines.add(title);
        }
        for (String line : text.lines()) {
            lines.add(PlainText.wrap(PlainText.clean(line), width, ""));
        }
        String out = String.join("\n", lines).strip();
        return out.isEmpty() ? "Done." : out;
    }

    private String numbered(int number, String title) {
        String prefix = number + ". ";
        String wrapped = PlainText.wrap(PlainText.oneLine(title), width - prefix.length(),
                " ".repeat(prefix.length()));
        return prefix + wrapped.substring(prefix.length());
    }

    private void appendLines(StringBuilder out, List<String> lines, String indent) {
        for (String line : lines) {
            String clean = PlainText.oneLine(line);
            if (!clean.isEmpty()) {
                out.append('\n').append(PlainText.wrap(clean, width - indent.length(), indent));
            }
        }
    }

    private void appendAbstract(StringBuilder out, String abstractText, String indent) {
        for (String paragraph : PlainText.clean(abstractText).split("\\n\\s*\\n")) {
            String clean = PlainText.oneLine(paragraph);
            if (!clean.isEmpty()) {
                out.append("\n\n").append(PlainText.wrap(clean, width - indent.length(), indent));
            }
        }
    }

    private static String joinNonEmpty(String... parts) {
        return Stream.of(parts).map(PlainText::oneLine).filter(s -> !s.isEmpty())
                .reduce((a, b) -> a + " · " + b).orElse("");
    }
}
