package dev.paperboy.arxiv;

import dev.paperboy.content.PaperImport;
import dev.paperboy.core.Paper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saved arXiv responses for {@code import}: export API pages (Atom, either layout) and listing feeds (RSS),
 * as {@code .xml}, {@code .atom} or {@code .rss} files. Each paper is imported once under its id without
 * version, with the newest version the file shows; a cross-listed paper listed twice is one paper.
 */
public final class ArxivImportFormat implements PaperImport.FileFormat {

    private final ArxivFeedParser parser;

    public ArxivImportFormat(ArxivFeedParser parser) {
        this.parser = parser;
    }

    @Override
    public boolean accepts(String lowerCaseName) {
        return lowerCaseName.endsWith(".xml") || lowerCaseName.endsWith(".atom") || lowerCaseName.endsWith(".rss");
    }

    @Override
    public List<Paper> read(byte[] body) throws PaperImport.UnreadableFileException {
        ArxivFeed feed;
        try {
            feed = parser.parse(body);
        } catch (FeedFormatException e) {
            throw new PaperImport.UnreadableFileException("not a readable arXiv feed: " + e.getMessage(), e);
        }
        Map<String, Paper> byId = new LinkedHashMap<>();
        for (ArxivEntry entry : feed.entries()) {
            byId.merge(entry.id(), entry.paper(), (kept, other) -> other.version() > kept.version() ? other : kept);
        }
        return List.copyOf(byId.values());
    }
}
