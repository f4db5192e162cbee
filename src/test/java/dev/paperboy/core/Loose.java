package dev.paperboy.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads loose papers into a list, for tests of small content. */
public final class Loose {

    private Loose() {
    }

    /** Every paper, read again, in content order, duplicates included. */
    public static List<Paper> papers(LoosePapers loose) {
        List<Paper> papers = new ArrayList<>();
        try {
            loose.forEach(papers::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return papers;
    }

    /** Every paper of the library as it serves them: its digests' papers, then the loose ones no digest lists. */
    public static List<LibraryPaper> served(Library library) {
        List<LibraryPaper> all = new ArrayList<>(library.digestPapers());
        java.util.Set<String> keys = new java.util.HashSet<>();
        all.forEach(p -> keys.add(p.key()));
        for (Paper paper : papers(library.loosePapers())) {
            if (keys.add(paper.key())) {
                all.add(LoosePapers.served(paper));
            }
        }
        return all;
    }
}
