package dev.paperboy.search;

import dev.paperboy.core.Digest;
import dev.paperboy.core.DigestSource;
import dev.paperboy.core.Library;
import dev.paperboy.core.Paper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Small invented papers for the search tests. */
final class Papers {

    private String id;
    private String title = "Untitled";
    private List<String> authors = List.of("Ann Author");
    private String abstractText = "";
    private String comment = "";
    private List<String> categories = List.of("cs.LG");
    private LocalDate published = LocalDate.of(2024, 1, 1);

    static Papers paper(String id) {
        Papers p = new Papers();
        p.id = id;
        return p;
    }

    Papers title(String value) {
        title = value;
        return this;
    }

    Papers authors(String... value) {
        authors = List.of(value);
        return this;
    }

    Papers abs(String value) {
        abstractText = value;
        return this;
    }

    Papers comment(String value) {
        comment = value;
        return this;
    }

    Papers categories(String... value) {
        categories = List.of(value);
        return this;
    }

    Papers date(String value) {
        published = value == null ? null : LocalDate.parse(value);
        return this;
    }

    Paper build() {
        return new Paper(id, 0, title, authors, abstractText, comment, categories, published, null, List.of());
    }

    /** A library of one digest, "Listed" of 2024-01-05, that lists these papers: the library holds them. */
    static Library listed(Papers... papers) {
        List<Paper> built = new ArrayList<>();
        for (Papers p : papers) {
            built.add(p.build());
        }
        return Library.of(List.of(new Digest("Listed", LocalDate.of(2024, 1, 5), built,
                new DigestSource("listed.txt", 1, ""))), List.of());
    }

    /** A library of these papers as loose papers, which it does not hold: search serves them from the index. */
    static Library library(Papers... papers) {
        List<Paper> built = new ArrayList<>();
        for (Papers p : papers) {
            built.add(p.build());
        }
        return Library.of(List.<Digest>of(), built);
    }
}
