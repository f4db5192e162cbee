package dev.paperboy.core;

import java.time.LocalDate;
import java.util.List;

/** Small papers and digests invented for tests. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Paper paper(String id, String title) {
        return Paper.of(id, title, List.of("Ada Lovelace", "Alan Turing"), "An abstract about " + title + ".", "");
    }

    public static Digest digest(String topic, String date, Paper... papers) {
        return new Digest(topic, LocalDate.parse(date), List.of(papers), new DigestSource("test.txt", 1, ""));
    }
}
