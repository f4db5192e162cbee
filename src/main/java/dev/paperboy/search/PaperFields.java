package dev.paperboy.search;

/** The names of the index fields, shared by indexing, querying and spelling correction. */
final class PaperFields {

    /**
     * The whole paper ({@link StoredPapers}), as binary doc values: how the index serves loose papers, and every
     * paper before the library is read.
     */
    static final String PAPER = "paper";
    /** The paper's identity key ({@code LibraryPaper.key()}): a term to update by, doc values to resolve hits and break ties. */
    static final String KEY = "key";
    /** {@code title:} and the normalised title ({@link dev.paperboy.core.Paper#normaliseTitle}), for {@code /paper TITLE}. */
    static final String TITLE_KEY = "title_key";
    static final String TITLE = "title";
    static final String AUTHORS = "authors";
    static final String ABSTRACT = "abstract";
    static final String COMMENT = "comment";
    static final String TOPICS = "topics";
    /**
     * Everything a plain word may match (title, authors, abstract, topics, comment) as one field, each
     * field's occurrences weighted into the term frequency: one posting list a word, which block-max WAND
     * can skip through well. Frequencies only, no positions.
     */
    static final String TEXT = "text";
    /**
     * One term whose frequency is the weight of the paper's title words joined in {@link #TEXT} ({@link
     * CompoundWords#titleRuns}), so that {@link PaperIndexSearcher} can leave them out of its average length.
     */
    static final String APART_TOTAL = "text_apart";
    /** Topic names as {@code Topics.normalise} spells them, for exact topic matches. */
    static final String TOPIC_KEYWORD = "topic_kw";
    /** arXiv categories, lower-cased ({@code cs.cv}). */
    static final String CATEGORY = "cat";
    /** arXiv id without version. */
    static final String ID = "id";
    /** The paper's date as an epoch day: a point for range filters, doc values for recency and ties. */
    static final String DAY = "day";

    /**
     * The title's words as typed (lower case, no stemming), only for spelling correction: the stemmer
     * turns some words into stems a misspelling is far from ("handling" is "handle").
     */
    static final String SPELL = "spell";
    /** A hash of everything indexed about the paper, to tell which papers changed since they were indexed. */
    static final String FINGERPRINT = "fingerprint";

    private PaperFields() {
    }
}
