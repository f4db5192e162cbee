package dev.paperboy.core.render;

/**
 * How many plain-text characters each part of a paper may take in one rendering. A renderer whose
 * markup came out too long retries with {@link #halved()}, which shrinks towards a floor where any
 * paper fits every platform's smallest limit.
 *
 * @param title        characters of the title
 * @param authors      how many author names before "et al."
 * @param authorChars  characters of the author line
 * @param abstractText characters of the abstract; 0 leaves it out
 * @param comment      characters of the comment; 0 leaves it out
 */
public record PaperBudget(int title, int authors, int authorChars, int abstractText, int comment) {

    private static final int MIN_TITLE = 40;
    private static final int MIN_AUTHOR_CHARS = 40;

    public PaperBudget {
        if (title < 1 || authors < 1 || authorChars < 1 || abstractText < 0 || comment < 0) {
            throw new IllegalArgumentException("budgets must be positive (abstract and comment may be 0)");
        }
    }

    /** A budget for a paper listed in a digest or among search results. */
    public static PaperBudget listing(int abstractText) {
        return new PaperBudget(300, 8, 400, abstractText, 300);
    }

    /** Every part at most half as long, the abstract and comment dropping out below 40 characters. */
    public PaperBudget halved() {
        return new PaperBudget(Math.max(MIN_TITLE, title / 2), Math.max(1, authors / 2),
                Math.max(MIN_AUTHOR_CHARS, authorChars / 2), abstractText / 2 < 40 ? 0 : abstractText / 2,
                comment / 2 < 40 ? 0 : comment / 2);
    }

    /** Whether halving changes nothing any more: the renderer has nothing left to give. */
    public boolean atFloor() {
        return equals(halved());
    }
}
