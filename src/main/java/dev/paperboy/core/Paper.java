package dev.paperboy.core;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One research paper as Paperboy knows it: what a digest lists and what search finds.
 *
 * @param arxivId    the arXiv id without version, or null when the paper has none
 * @param version    the arXiv version seen (1, 2, ...), or 0 when unknown
 * @param title      the title, never blank
 * @param authors    the author names in order
 * @param abstractText the abstract, paragraphs separated by a blank line; may be empty
 * @param comment    the author's comment (pages, venue, "PDF" line of the seed format); may be empty
 * @param categories arXiv categories such as {@code cs.CV}, primary first
 * @param published  the day the paper was announced or published, or null
 * @param updated    the day of the latest version, or null
 * @param links      further links (code, project page) beside the arXiv ones
 */
public record Paper(String arxivId, int version, String title, List<String> authors, String abstractText,
                    String comment, List<String> categories, LocalDate published, LocalDate updated,
                    List<String> links) {

    public Paper {
        Objects.requireNonNull(title, "title");
        title = title.strip();
        if (title.isEmpty()) {
            throw new IllegalArgumentException("a paper needs a title");
        }
        if (arxivId != null) {
            String raw = arxivId;
            arxivId = ArxivIds.normalise(raw)
                    .orElseThrow(() -> new IllegalArgumentException("not an arXiv id: \"" + raw + "\""));
            if (version == 0) {
                version = ArxivIds.version(raw);
            }
        }
        if (version < 0) {
            throw new IllegalArgumentException("version must be 0 (unknown) or positive: " + version);
        }
        authors = List.copyOf(authors == null ? List.of() : authors.stream().map(String::strip)
                .filter(a -> !a.isEmpty()).toList());
        abstractText = abstractText == null ? "" : abstractText.strip();
        comment = comment == null ? "" : comment.strip();
        categories = List.copyOf(categories == null ? List.of() : categories);
        links = List.copyOf(links == null ? List.of() : links);
    }

    /** A paper with only the fields the seed digest format carries. */
    public static Paper of(String arxivId, String title, List<String> authors, String abstractText, String comment) {
        return new Paper(arxivId, 0, title, authors, abstractText, comment, List.of(), null, null, List.of());
    }

    /**
     * The identity of this paper across versions, topics and files: the arXiv id when known,
     * otherwise the normalised title.
     */
    public String key() {
        return arxivId != null ? "arxiv:" + arxivId : "title:" + normaliseTitle(title);
    }

    /** The arXiv abstract page, or null when the id is unknown. */
    public String absUrl() {
        return arxivId == null ? null : "https://arxiv.org/abs/" + arxivId;
    }

    /** The arXiv PDF link, or null when the id is unknown. */
    public String pdfUrl() {
        return arxivId == null ? null : "https://arxiv.org/pdf/" + arxivId;
    }

    /** The title reduced to lower-case letters and digits separated by single spaces. */
    public static String normaliseTitle(String title) {
        String folded = Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return folded.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
