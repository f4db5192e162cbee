package dev.paperboy.discord;

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
import dev.paperboy.core.render.PlainText;
import dev.paperboy.core.render.QueryProblems;
import dev.paperboy.core.render.ReplyRenderer;
import dev.paperboy.core.render.SnippetText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Renders neutral replies and digests as Discord messages: one embed per paper, Markdown content for
 * headings and text. Content text is Markdown-escaped and mentions are broken with a zero-width space
 * (the adapter also sends allowed-mentions none). Papers that do not fit one message's 10 embeds or
 * 6000 characters continue in the next message.
 */
public final class DiscordRenderer implements ReplyRenderer<DiscordMessage> {

    private static final String ZERO_WIDTH_SPACE = "\u200B";
    private static final int AUTHORS_LISTED = 8;

    private final int listingAbstractLength;
    private final int snippetLength;

    /** A renderer that shortens abstracts in digests to 500 characters and search snippets to 300. */
    public DiscordRenderer() {
        this(500, 300);
    }

    /**
     * @param listingAbstractLength plain-text characters of each abstract in a digest, 1-2000
     * @param snippetLength         plain-text characters of each search result's snippet, 40-2000
     */
    public DiscordRenderer(int listingAbstractLength, int snippetLength) {
        if (listingAbstractLength < 1 || listingAbstractLength > 2000 || snippetLength < 40 || snippetLength > 2000) {
            throw new IllegalArgumentException("abstract length must be 1-2000 and snippet length 40-2000");
        }
        this.listingAbstractLength = listingAbstractLength;
        this.snippetLength = snippetLength;
    }

    /** A digest as one or more messages of at most 10 paper embeds each; the content carries the heading. */
    @Override
    public List<DiscordMessage> renderDigest(Digest digest) {
        String topic = escapeMarkdown(PlainText.shorten(PlainText.oneLine(digest.topic()), 200));
        int count = digest.papers().size();
        String heading = "**" + topic + "** · " + digest.date() + " · "
                + (count == 0 ? "no papers" : count + (count == 1 ? " paper" : " papers"));
        String footer = PlainText.fit(PlainText.oneLine(digest.topic()) + " · " + digest.date(),
                DiscordEmbed.MAX_FOOTER, DiscordRenderer::neutraliseMentions);
        List<DiscordEmbed> embeds = digest.papers().stream().map(p -> listingEmbed(p, footer)).toList();
        List<List<DiscordEmbed>> groups = packEmbeds(embeds);
        String attribution = PlainText.joinLines(digest.source().attribution(), " · ");
        String source = attribution.isEmpty() ? "" : "\n-# " + PlainText.fit(attribution, 400, DiscordRenderer::escapeMarkdown);

        if (groups.isEmpty()) {
            return List.of(DiscordMessage.text(heading + "\nNo papers in this digest." + source));
        }
        List<DiscordMessage> messages = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            String part = groups.size() == 1 ? "" : " (" + (i + 1) + "/" + groups.size() + ")";
            String content = heading + part + (i == groups.size() - 1 ? source : "");
            messages.add(new DiscordMessage(content, groups.get(i)));
        }
        return messages;
    }

    @Override
    public List<DiscordMessage> renderSearch(SearchPage page) {
        String query = escapeMarkdown(TypedText.query(page.query()));
        String corrected = page.correctedQuery() == null ? null : escapeMarkdown(TypedText.query(page.correctedQuery()));
        StringBuilder heading = new StringBuilder("🔎 ");
        if (corrected == null) {
            heading.append("**").append(query).append("**");
        } else {
            heading.append("Showing results for **").append(corrected).append("** instead of *").append(query)
                    .append("*.");
        }
        if (page.total() == 0) {
            heading.append("\nNo papers match. Try fewer or different words.");
        } else {
            // Past a thousand matches the index stops counting; say so rather than print a wrong number.
            String atLeast = page.totalIsLowerBound() ? "at least " : "";
            heading.append('\n').append(atLeast).append(page.total()).append(page.total() == 1 ? " result" : " results")
                    .append(" · page ").append(page.page()).append(" of ").append(atLeast).append(page.pageCount());
            if (page.hits().isEmpty()) {
                heading.append("\nThere are no results on this page.");
            }
        }
        QueryProblems.lines(page.problems()).forEach(p -> heading.append("\nNote: ").append(escapeMarkdown(p)));
        int first = (page.page() - 1) * page.pageSize() + 1;
        List<DiscordEmbed> embeds = new ArrayList<>();
        for (int i = 0; i < page.hits().size(); i++) {
            embeds.add(hitEmbed(first + i, page.hits().get(i)));
        }
        List<List<DiscordEmbed>> groups = packEmbeds(embeds);
        if (groups.isEmpty()) {
            return List.of(DiscordMessage.text(heading.toString()));
        }
        List<DiscordMessage> messages = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            messages.add(new DiscordMessage(i == 0 ? heading.toString() : "", groups.get(i)));
        }
        return messages;
    }

    @Override
    public List<DiscordMessage> renderPaper(LibraryPaper libraryPaper) {
        Paper paper = libraryPaper.paper();
        List<DiscordField> fields = new ArrayList<>();
        addField(fields, "Authors", AuthorList.format(paper.authors(), 50));
        addField(fields, "Comment", PlainText.oneLine(paper.comment()));
        LocalDate date = libraryPaper.date() != null ? libraryPaper.date() : paper.published();
        if (date != null) {
            fields.add(new DiscordField("Date", date.toString(), true));
        }
        if (!libraryPaper.topics().isEmpty()) {
            fields.add(new DiscordField("Topics", PlainText.fit(String.join(", ", libraryPaper.topics()), 256,
                    DiscordRenderer::escapeMarkdown), true));
        }
        if (!paper.categories().isEmpty()) {
            fields.add(new DiscordField("Categories", PlainText.fit(String.join(", ", paper.categories()), 256,
                    DiscordRenderer::escapeMarkdown), true));
        }
        String links = links(paper);
        if (!links.isEmpty()) {
            fields.add(new DiscordField("Links", links, false));
        }
        String title = title(paper, "");
        String footer = paper.arxivId() == null ? null : "arXiv:" + paper.arxivId();
        int headSize = title.length() + fields.stream().mapToInt(DiscordField::characterCount).sum()
                + (footer == null ? 0 : footer.length());
        int pieceMax = Math.min(DiscordEmbed.MAX_DESCRIPTION, DiscordEmbed.MAX_TOTAL - headSize);

        List<String> pieces = new ArrayList<>();
        for (String paragraph : PlainText.clean(paper.abstractText()).split("\\n\\s*\\n")) {
            String text = PlainText.oneLine(paragraph);
            if (!text.isEmpty()) {
                pieces.addAll(PlainText.splitFitting(text, pieceMax, DiscordRenderer::escapeMarkdown));
            }
        }
        List<String> descriptions = pieces.isEmpty() ? List.of("*No abstract.*")
                : MessagePacker.pack(pieces, "\n\n", pieceMax);

        List<DiscordEmbed> embeds = new ArrayList<>();
        for (int i = 0; i < descriptions.size(); i++) {
            boolean first = i == 0;
            boolean last = i == descriptions.size() - 1;
            embeds.add(new DiscordEmbed(first ? title : null, first ? paper.absUrl() : null, descriptions.get(i),
                    first ? fields : List.of(), last ? footer : null));
        }
        return packEmbeds(embeds).stream().map(group -> new DiscordMessage("", group)).toList();
    }

    @Override
    public List<DiscordMessage> renderText(TextReply text) {
        List<String> blocks = new ArrayList<>();
        String title = text.title() == null ? "" : PlainText.oneLine(text.title());
        if (!title.isEmpty()) {
            blocks.add(PlainText.fit(title, DiscordMessage.MAX_CONTENT, t -> "**" + escapeMarkdown(t) + "**"));
        }
        for (String line : text.lines()) {
            String clean = PlainText.clean(line).stripTrailing();
            if (clean.isBlank()) {
                blocks.add("");
            } else {
                blocks.addAll(PlainText.splitFitting(clean, DiscordMessage.MAX_CONTENT, DiscordRenderer::escapeMarkdown));
            }
        }
        List<DiscordMessage> messages = MessagePacker.pack(blocks, "\n", DiscordMessage.MAX_CONTENT).stream()
                .map(String::strip)
                .filter(m -> !m.isEmpty())
                .map(DiscordMessage::text)
                .toList();
        return messages.isEmpty() ? List.of(DiscordMessage.text("Done.")) : messages;
    }

    @Override
    public List<DiscordMessage> renderError(ErrorReply error) {
        String prefix = "⚠️ **Error:** ";
        String message = PlainText.clean(error.message()).strip();
        if (message.isEmpty()) {
            message = "Something went wrong.";
        }
        List<String> pieces = PlainText.splitFitting(message, DiscordMessage.MAX_CONTENT - prefix.length(),
                DiscordRenderer::escapeMarkdown);
        List<DiscordMessage> messages = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            messages.add(DiscordMessage.text(i == 0 ? prefix + pieces.get(i) : pieces.get(i)));
        }
        return messages;
    }

    private DiscordEmbed listingEmbed(Paper paper, String footer) {
        String description = null;
        boolean cut = false;
        if (!paper.abstractText().isEmpty()) {
            String full = PlainText.oneLine(paper.abstractText());
            String shown = PlainText.shorten(full, listingAbstractLength);
            cut = !shown.equals(full);
            description = PlainText.fit(shown, DiscordEmbed.MAX_DESCRIPTION, DiscordRenderer::escapeMarkdown);
        }
        List<DiscordField> fields = new ArrayList<>();
        addField(fields, "Authors", AuthorList.format(paper.authors(), AUTHORS_LISTED));
        addField(fields, "Comment", PlainText.oneLine(paper.comment()));
        if (cut && paper.arxivId() != null) {
            fields.add(new DiscordField("Full abstract", "`/paper " + paper.arxivId() + "`", false));
        }
        return new DiscordEmbed(title(paper, ""), paper.absUrl(), description, fields, footer);
    }

    private DiscordEmbed hitEmbed(int number, SearchHit hit) {
        LibraryPaper found = hit.paper();
        Paper paper = found.paper();
        String description;
        if (!hit.snippet().isEmpty()) {
            description = SnippetText.render(SnippetText.shorten(hit.snippet(), snippetLength),
                    DiscordRenderer::escapeMarkdown, s -> "**" + escapeMarkdown(s) + "**");
        } else {
            description = paper.abstractText().isEmpty() ? null
                    : escapeMarkdown(PlainText.shorten(PlainText.oneLine(paper.abstractText()), snippetLength));
        }
        String footer = Stream.of(AuthorList.format(paper.authors(), 3, hit.matchedAuthors()),
                        found.date() == null ? "" : found.date().toString(),
                        found.primaryTopic(),
                        paper.arxivId() == null ? "" : "/paper " + paper.arxivId())
                .map(PlainText::oneLine).filter(s -> !s.isEmpty())
                .map(s -> PlainText.shorten(s, 300))
                .reduce((a, b) -> a + " · " + b).map(DiscordRenderer::neutraliseMentions).orElse(null);
        return new DiscordEmbed(title(paper, number + ". "), paper.absUrl(), description, List.of(), footer);
    }

    private static String title(Paper paper, String prefix) {
        return PlainText.fit(PlainText.oneLine(paper.title()), DiscordEmbed.MAX_TITLE,
                t -> neutraliseMentions(prefix) + escapeInlineMarkdown(t));
    }

    private static void addField(List<DiscordField> fields, String name, String plain) {
        if (!plain.isBlank()) {
            fields.add(new DiscordField(name, PlainText.fit(plain, DiscordField.MAX_VALUE, DiscordRenderer::escapeMarkdown),
                    false));
        }
    }

    private static String links(Paper paper) {
        List<String> links = new ArrayList<>();
        if (paper.arxivId() != null) {
            links.add("[arXiv](" + paper.absUrl() + ") · [PDF](" + paper.pdfUrl() + ")");
        }
        for (String url : paper.links()) {
            links.add(url.matches("https?://[^\\s()<>\\[\\]]+") && url.length() <= 300 ? "<" + url + ">"
                    : escapeMarkdown(PlainText.shorten(PlainText.oneLine(url), 100)));
        }
        StringBuilder out = new StringBuilder();
        for (String link : links) {
            if (out.length() + link.length() + 1 > DiscordField.MAX_VALUE) {
                break;
            }
            out.append(out.length() == 0 ? "" : "\n").append(link);
        }
        return out.toString();
    }

    private static List<List<DiscordEmbed>> packEmbeds(List<DiscordEmbed> embeds) {
        return MessagePacker.pack(embeds, DiscordEmbed::characterCount, 0, DiscordEmbed.MAX_TOTAL,
                DiscordMessage.MAX_EMBEDS);
    }

    /** The characters of Discord's inline Markdown: emphasis, strikethrough, code, spoilers, masked links. */
    private static final String INLINE_MARKS = "\\*_~`|[]";

    /**
     * The text with Discord Markdown made literal ({@code \ * _ ~ ` | [ ]} everywhere; {@code > # - +} and
     * numbered-list dots at the start of a line), control characters removed and mentions broken.
     */
    public static String escapeMarkdown(String text) {
        String clean = PlainText.clean(text);
        StringBuilder out = new StringBuilder(clean.length() + 16);
        boolean lineStart = true;
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (INLINE_MARKS.indexOf(c) >= 0) {
                out.append('\\');
            } else if (lineStart && ">#-+".indexOf(c) >= 0) {
                out.append('\\');
            } else if (lineStart && Character.isDigit(c)) {
                int end = i;
                while (end < clean.length() && Character.isDigit(clean.charAt(end))) {
                    end++;
                }
                if (end < clean.length() && clean.charAt(end) == '.') {
                    out.append(clean, i, end).append("\\.");
                    i = end;
                    lineStart = false;
                    continue;
                }
            }
            out.append(c);
            if (c == '@') {
                out.append(ZERO_WIDTH_SPACE);
            }
            if (c == '\n') {
                lineStart = true;
            } else if (c != ' ') {
                lineStart = false;
            }
        }
        return out.toString();
    }

    /**
     * One line with Discord's inline Markdown made literal ({@code \ * _ ~ ` | [ ]}) and mentions broken: for embed
     * titles, where Discord renders emphasis, code and masked links ("$x_i$ and $y_i$" would be italic) but no
     * block syntax such as lists or quotes.
     */
    static String escapeInlineMarkdown(String text) {
        String clean = neutraliseMentions(text);
        StringBuilder out = new StringBuilder(clean.length() + 8);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (INLINE_MARKS.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * The text with a zero-width space after every {@code @}, so that {@code @everyone}, {@code @here},
     * {@code <@123>} and {@code <@&123>} show as written but never ping. For plain-text places such as
     * embed footers, which Discord does not render as Markdown.
     */
    public static String neutraliseMentions(String text) {
        return PlainText.clean(text).replace("@", "@" + ZERO_WIDTH_SPACE);
    }
}
