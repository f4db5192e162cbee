package dev.paperboy.telegram;

import dev.paperboy.core.Digest;
import dev.paperboy.core.LibraryPaper;
import dev.paperboy.core.Paper;
import dev.paperboy.core.SearchHit;
import dev.paperboy.core.SearchPage;
import dev.paperboy.core.command.ErrorReply;
import dev.paperboy.core.command.TextReply;
import dev.paperboy.core.command.TypedText;
import dev.paperboy.core.render.AuthorList;
import dev.paperboy.core.render.MessagePacker;
import dev.paperboy.core.render.PaperBudget;
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
 * Renders neutral replies and digests as Telegram HTML messages. All content text is escaped; only
 * the tags {@code b i a code} are produced. Every message keeps its raw HTML within
 * {@link TelegramMessage#MAX_LENGTH}, which is stricter than Telegram's count after entity parsing.
 * Long digests break between papers; a long abstract breaks between paragraphs, then sentences,
 * then words. Paging buttons are the adapter's business, not the renderer's.
 */
public final class TelegramRenderer implements ReplyRenderer<TelegramMessage> {

    private static final int LIMIT = TelegramMessage.MAX_LENGTH;
    private static final String BLOCK_SEPARATOR = "\n\n";

    private final int listingAbstractLength;
    private final int snippetLength;

    /** A renderer that shortens abstracts in digests to 600 characters and search snippets to 300. */
    public TelegramRenderer() {
        this(600, 300);
    }

    /**
     * @param listingAbstractLength plain-text characters of each abstract in a digest, 0 for none
     * @param snippetLength         plain-text characters of each search result's snippet, at least 40
     */
    public TelegramRenderer(int listingAbstractLength, int snippetLength) {
        if (listingAbstractLength < 0 || snippetLength < 40) {
            throw new IllegalArgumentException("abstract length must be >= 0 and snippet length >= 40");
        }
        this.listingAbstractLength = listingAbstractLength;
        this.snippetLength = snippetLength;
    }

    /** A digest as one or more messages, split between papers; the first carries the heading. */
    @Override
    public List<TelegramMessage> renderDigest(Digest digest) {
        return renderDigestCounted(digest).stream().map(DigestMessage::message).toList();
    }

    /** One message of a digest with how many of the digest's papers it carries, in order. */
    public record DigestMessage(TelegramMessage message, int papers) {
    }

    /** {@link #renderDigest}, with each message's count of papers (a paper is never split between two). */
    public List<DigestMessage> renderDigestCounted(Digest digest) {
        String topic = escape(PlainText.shorten(PlainText.oneLine(digest.topic()), 200));
        int count = digest.papers().size();
        String heading = "<b>" + topic + "</b> · " + digest.date() + "\n"
                + (count == 0 ? "No papers in this digest." : count + (count == 1 ? " paper" : " papers"));
        String continued = "<b>" + topic + "</b> · " + digest.date() + " (continued)";
        int room = LIMIT - Math.max(heading.length(), continued.length()) - BLOCK_SEPARATOR.length();

        List<String> blocks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Paper paper = digest.papers().get(i);
            int number = i + 1;
            blocks.add(fitListing(budget -> listingBlock(number, paper, null, budget), room,
                    PaperBudget.listing(listingAbstractLength)));
        }
        String attribution = PlainText.joinLines(digest.source().attribution(), " · ");
        if (!attribution.isEmpty()) {
            blocks.add(PlainText.fit(attribution, Math.min(room, 400), text -> "<i>" + escape(text) + "</i>"));
        }
        List<List<String>> groups = MessagePacker.pack(blocks, String::length, BLOCK_SEPARATOR.length(), room,
                Integer.MAX_VALUE);
        List<TelegramMessage> messages = withHeadings(groups.stream().map(g -> String.join(BLOCK_SEPARATOR, g)).toList(),
                heading, continued);
        List<DigestMessage> counted = new ArrayList<>();
        int left = count;
        for (int i = 0; i < messages.size(); i++) {
            int papers = i < groups.size() ? Math.min(left, groups.get(i).size()) : 0;
            left -= papers;
            counted.add(new DigestMessage(messages.get(i), papers));
        }
        return counted;
    }

    @Override
    public List<TelegramMessage> renderSearch(SearchPage page) {
        String query = TypedText.query(page.query());
        StringBuilder head = new StringBuilder();
        String corrected = page.correctedQuery() == null ? null : TypedText.query(page.correctedQuery());
        if (corrected == null) {
            head.append("🔎 <b>").append(escape(query)).append("</b>");
        } else {
            head.append("🔎 Showing results for <b>").append(escape(corrected)).append("</b> instead of <i>")
                    .append(escape(query)).append("</i>.");
        }
        if (page.total() == 0) {
            head.append("\nNo papers match. Try fewer or different words.");
        } else {
            // Past a thousand matches the index stops counting; say so rather than print a wrong number.
            String atLeast = page.totalIsLowerBound() ? "at least " : "";
            head.append('\n').append(atLeast).append(page.total()).append(page.total() == 1 ? " result" : " results")
                    .append(" · page ").append(page.page()).append(" of ").append(atLeast).append(page.pageCount());
            if (page.hits().isEmpty()) {
                head.append("\nThere are no results on this page.");
            }
        }
        QueryProblems.lines(page.problems()).forEach(p -> head.append("\nNote: ").append(escape(p)));
        String heading = head.toString();
        String continued = "🔎 <b>" + escape(corrected == null ? query : corrected) + "</b> (continued)";
        int room = LIMIT - Math.max(heading.length(), continued.length()) - BLOCK_SEPARATOR.length();

        List<String> blocks = new ArrayList<>();
        int first = (page.page() - 1) * page.pageSize() + 1;
        for (int i = 0; i < page.hits().size(); i++) {
            SearchHit hit = page.hits().get(i);
            int number = first + i;
            blocks.add(fitListing(budget -> listingBlock(number, hit.paper().paper(), hit, budget), room,
                    PaperBudget.listing(snippetLength)));
        }
        return withHeadings(MessagePacker.pack(blocks, BLOCK_SEPARATOR, room), heading, continued);
    }

    @Override
    public List<TelegramMessage> renderPaper(LibraryPaper libraryPaper) {
        Paper paper = libraryPaper.paper();
        List<String> blocks = new ArrayList<>();
        blocks.add(fitListing(budget -> paperHead(libraryPaper, budget), LIMIT,
                new PaperBudget(1000, 50, 1500, 0, 1000)));
        List<String> paragraphs = paragraphs(paper.abstractText());
        if (paragraphs.isEmpty()) {
            blocks.add("<i>No abstract.</i>");
        }
        for (String paragraph : paragraphs) {
            blocks.addAll(PlainText.splitFitting(paragraph, LIMIT, TelegramRenderer::escape));
        }
        List<String> links = new ArrayList<>();
        if (paper.arxivId() != null) {
            links.add(link(paper.absUrl(), "arXiv " + paper.arxivId()) + " · " + link(paper.pdfUrl(), "PDF"));
        }
        for (String url : paper.links()) {
            links.add(isWebLink(url) && url.length() <= 500 ? link(url, url)
                    : escape(PlainText.shorten(PlainText.oneLine(url), 200)));
        }
        if (!links.isEmpty()) {
            blocks.add(String.join("\n", links));
        }
        return MessagePacker.pack(blocks, BLOCK_SEPARATOR, LIMIT).stream().map(TelegramMessage::new).toList();
    }

    /**
     * One paper as a single short message, for an inline-mode result: the linked title, authors,
     * date and topics, the abstract shortened, and the arXiv links.
     */
    public TelegramMessage renderPaperCard(LibraryPaper libraryPaper) {
        Paper paper = libraryPaper.paper();
        String card = fitListing(budget -> {
            StringBuilder text = new StringBuilder(paperHead(libraryPaper, budget));
            String full = PlainText.oneLine(paper.abstractText());
            if (!full.isEmpty() && budget.abstractText() > 0) {
                text.append("\n\n").append(escape(PlainText.shorten(full, budget.abstractText())));
            }
            if (paper.arxivId() != null) {
                text.append("\n\n").append(link(paper.absUrl(), "arXiv " + paper.arxivId())).append(" · ")
                        .append(link(paper.pdfUrl(), "PDF"));
            }
            return text.toString();
        }, LIMIT, PaperBudget.listing(Math.max(listingAbstractLength, 300)));
        return new TelegramMessage(card);
    }

    @Override
    public List<TelegramMessage> renderText(TextReply text) {
        List<String> blocks = new ArrayList<>();
        String title = text.title() == null ? "" : PlainText.oneLine(text.title());
        if (!title.isEmpty()) {
            blocks.add(PlainText.fit(title, LIMIT, t -> "<b>" + escape(t) + "</b>"));
        }
        for (String line : text.lines()) {
            String clean = PlainText.clean(line).stripTrailing();
            if (clean.isBlank()) {
                blocks.add("");
            } else {
                blocks.addAll(PlainText.splitFitting(clean, LIMIT, TelegramRenderer::escape));
            }
        }
        List<TelegramMessage> messages = MessagePacker.pack(blocks, "\n", LIMIT).stream()
                .filter(m -> !m.isBlank())
                .map(m -> new TelegramMessage(m.strip()))
                .toList();
        return messages.isEmpty() ? List.of(new TelegramMessage("Done.")) : messages;
    }

    @Override
    public List<TelegramMessage> renderError(ErrorReply error) {
        String prefix = "⚠️ <b>Error:</b> ";
        String message = PlainText.clean(error.message()).strip();
        if (message.isEmpty()) {
            message = "Something went wrong.";
        }
        List<String> pieces = PlainText.splitFitting(message, LIMIT - prefix.length(), TelegramRenderer::escape);
        List<TelegramMessage> messages = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            messages.add(new TelegramMessage(i == 0 ? prefix + pieces.get(i) : pieces.get(i)));
        }
        return messages;
    }

    /** A paper in a digest ({@code hit} null) or a search result: linked title, authors, short text, "more". */
    private String listingBlock(int number, Paper paper, SearchHit hit, PaperBudget budget) {
        StringBuilder block = new StringBuilder("<b>").append(number).append(". ")
                .append(title(paper, budget.title())).append("</b>");
        String authors = authors(paper, budget, hit == null ? List.of() : hit.matchedAuthors());
        if (hit != null) {
            LibraryPaper found = hit.paper();
            String meta = Stream.of(authors.isEmpty() ? "" : "<i>" + authors + "</i>",
                            found.date() == null ? "" : found.date().toString(),
                            escape(PlainText.shorten(PlainText.oneLine(found.primaryTopic()), 100)))
                    .filter(s -> !s.isEmpty()).reduce((a, b) -> a + " · " + b).orElse("");
            if (!meta.isEmpty()) {
                block.append('\n').append(meta);
            }
        } else if (!authors.isEmpty()) {
            block.append("\n<i>").append(authors).append("</i>");
        }
        boolean cut = false;
        if (hit != null && !hit.snippet().isEmpty() && budget.abstractText() > 0) {
            block.append('\n').append(SnippetText.render(SnippetText.shorten(hit.snippet(), budget.abstractText()),
                    TelegramRenderer::escape, s -> "<b>" + escape(s) + "</b>"));
        } else if (!paper.abstractText().isEmpty()) {
            String full = PlainText.oneLine(paper.abstractText());
            String shown = budget.abstractText() == 0 ? "" : PlainText.shorten(full, budget.abstractText());
            cut = !shown.equals(full);
            if (!shown.isEmpty()) {
                block.append('\n').append(escape(shown));
            }
        }
        if (hit == null && !paper.comment().isEmpty() && budget.comment() > 0) {
            block.append("\n<i>").append(escape(PlainText.shorten(PlainText.oneLine(paper.comment()),
                    budget.comment()))).append("</i>");
        }
        if (paper.arxivId() != null && (cut || hit != null)) {
            block.append("\nMore: <code>/paper ").append(escape(paper.arxivId())).append("</code>");
        }
        return block.toString();
    }

    private String paperHead(LibraryPaper libraryPaper, PaperBudget budget) {
        Paper paper = libraryPaper.paper();
        StringBuilder head = new StringBuilder("<b>").append(title(paper, budget.title())).append("</b>");
        String authors = authors(paper, budget);
        if (!authors.isEmpty()) {
            head.append("\n<i>").append(authors).append("</i>");
        }
        LocalDate date = libraryPaper.date() != null ? libraryPaper.date() : paper.published();
        String meta = Stream.of(date == null ? "" : date.toString(),
                        String.join(", ", libraryPaper.topics()), String.join(", ", paper.categories()))
                .map(PlainText::oneLine).filter(s -> !s.isEmpty())
                .map(s -> escape(PlainText.shorten(s, budget.title())))
                .reduce((a, b) -> a + " · " + b).orElse("");
        if (!meta.isEmpty()) {
            head.append('\n').append(meta);
        }
        if (!paper.comment().isEmpty() && budget.comment() > 0) {
            head.append("\n<i>").append(escape(PlainText.shorten(PlainText.oneLine(paper.comment()),
                    budget.comment()))).append("</i>");
        }
        return head.toString();
    }

    private static String fitListing(Function<PaperBudget, String> render, int room, PaperBudget initial) {
        for (PaperBudget budget = initial; ; budget = budget.halved()) {
            String block = render.apply(budget);
            if (block.length() <= room) {
                return block;
            }
            if (budget.atFloor()) {
                throw new IllegalStateException("a paper does not fit in " + room + " characters even when shortened");
            }
        }
    }

    private static List<TelegramMessage> withHeadings(List<String> bodies, String heading, String continued) {
        if (bodies.isEmpty()) {
            return List.of(new TelegramMessage(heading));
        }
        List<TelegramMessage> messages = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            messages.add(new TelegramMessage((i == 0 ? heading : continued) + BLOCK_SEPARATOR + bodies.get(i)));
        }
        return messages;
    }

    private static String title(Paper paper, int max) {
        String title = escape(PlainText.shorten(PlainText.oneLine(paper.title()), max));
        return paper.absUrl() == null ? title : anchor(paper.absUrl(), title);
    }

    private static String authors(Paper paper, PaperBudget budget) {
        return authors(paper, budget, List.of());
    }

    /** The author line, which keeps the authors a search named ({@code shown}) past the first few. */
    private static String authors(Paper paper, PaperBudget budget, List<String> shown) {
        return escape(PlainText.shorten(PlainText.oneLine(AuthorList.format(paper.authors(), budget.authors(),
                shown)), budget.authorChars()));
    }

    private static List<String> paragraphs(String text) {
        return Stream.of(PlainText.clean(text).split("\\n\\s*\\n")).map(PlainText::oneLine)
                .filter(p -> !p.isEmpty()).toList();
    }

    private static boolean isWebLink(String url) {
        return url.matches("https?://[^\\s<>\"]+");
    }

    private static String link(String url, String text) {
        return anchor(url, escape(text));
    }

    private static String anchor(String url, String html) {
        return "<a href=\"" + escape(url) + "\">" + html + "</a>";
    }

    /**
     * The text with control characters removed and {@code & < > "} replaced by the only entities
     * Telegram's HTML mode knows, so it shows literally whatever it contains.
     */
    public static String escape(String text) {
        String clean = PlainText.clean(text);
        StringBuilder out = new StringBuilder(clean.length() + 16);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
