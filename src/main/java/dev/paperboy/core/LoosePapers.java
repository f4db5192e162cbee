package dev.paperboy.core;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The papers that belong to no digest (bulk dumps): too many to hold, so a library keeps only their
 * {@link PaperPrints} and reads the papers again, from where they came, when it needs them (to index them).
 * Of a key listed twice, the first paper counts.
 */
public final class LoosePapers {

    /** Reads the papers again, in content order. */
    @FunctionalInterface
    public interface Reader {
        void forEach(Consumer<Paper> each) throws IOException;
    }

    private static final LoosePapers NONE = new LoosePapers(PaperPrints.none(), 0, null, each -> { });

    private final PaperPrints prints;
    private final int copies;
    private final LocalDate newest;
    private final Reader reader;

    private LoosePapers(PaperPrints prints, int copies, LocalDate newest, Reader reader) {
        this.prints = prints;
        this.copies = copies;
        this.newest = newest;
        this.reader = reader;
    }

    public static LoosePapers none() {
        return NONE;
    }

    /** Papers held in memory (a small file, a test). */
    public static LoosePapers of(List<Paper> papers) {
        if (papers.isEmpty()) {
            return NONE;
        }
        List<Paper> copy = List.copyOf(papers);
        Builder builder = new Builder();
        copy.forEach(builder);
        return builder.build(copy::forEach);
    }

    /** These, then those of {@code later}, whose papers count only where these have none of that key. */
    public LoosePapers then(LoosePapers later) {
        if (later.count() == 0) {
            return this;
        }
        if (count() == 0) {
            return later;
        }
        Reader both = each -> {
            reader.forEach(each);
            later.reader.forEach(each);
        };
        PaperPrints merged = prints.over(later.prints);
        int repeated = count() + later.count() - merged.size();
        return new LoosePapers(merged, copies + later.copies + repeated, newer(newest, later.newest), both);
    }

    /** How many distinct papers. */
    public int count() {
        return prints.size();
    }

    public PaperPrints prints() {
        return prints;
    }

    /** How many papers were left out as copies: a key that a paper read before them already had. */
    public int copies() {
        return copies;
    }

    /** When papers were left out as copies, one sentence for the admin that says so and what to do. */
    public Optional<String> copiesNote() {
        if (copies == 0) {
            return Optional.empty();
        }
        return Optional.of(copies + (copies == 1 ? " paper in the JSONL dumps repeats" : " papers in the JSONL dumps"
                + " repeat") + " the arXiv id (or, without one, the title) of a paper read before; the first is kept."
                + " Remove the copies, or a dump imported twice, if that is not what you meant.");
    }

    /**
     * The newest published day among every paper read, or null: copies of a key that do not count (and papers
     * a digest lists) count here, since the summary keeps no day per paper.
     */
    public LocalDate newest() {
        return newest;
    }

    /**
     * Reads every paper again, in content order, duplicates included. A file that changed since it was
     * summarised is read as it is now.
     *
     * @throws IOException when a file can no longer be read
     */
    public void forEach(Consumer<Paper> each) throws IOException {
        reader.forEach(each);
    }

    /** A loose paper as the library serves it: no topics, dated the day it was published. */
    public static LibraryPaper served(Paper paper) {
        return new LibraryPaper(paper, List.of(), paper.published());
    }

    private static LocalDate newer(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || !b.isAfter(a) ? a : b;
    }

    /** Summarises papers as a source reads them; {@link #build} then says how to read them again. */
    public static final class Builder implements Consumer<Paper> {
        private final PaperPrints.Builder prints = new PaperPrints.Builder();
        private LocalDate newest;

        @Override
        public void accept(Paper paper) {
            prints.add(served(paper));
            newest = newer(newest, paper.published());
        }

        public LoosePapers build(Reader reader) {
            PaperPrints built = prints.build();
            return built.size() == 0 ? NONE : new LoosePapers(built, prints.added() - built.size(), newest, reader);
        }
    }
}
