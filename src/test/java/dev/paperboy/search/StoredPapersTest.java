package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.LibraryPaper;
import dev.paperboy.core.Paper;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredPapersTest {

    @Test
    void everyFieldComesBackAsItWasStored() {
        LibraryPaper full = new LibraryPaper(new Paper("2401.00001", 3, "Ünïcödé títle 🚀", List.of("Ada", "Bo Li"),
                "Line one.\n\nLine two.", "ICML 2024", List.of("cs.LG"), LocalDate.of(2024, 1, 2),
                LocalDate.of(2024, 3, 4), List.of("https://example.org")), List.of("Graphs", "Proteins"),
                LocalDate.of(2024, 1, 5));
        LibraryPaper bare = new LibraryPaper(Paper.of(null, "No id", List.of(), "", ""), List.of(), null);

        assertThat(StoredPapers.decode(StoredPapers.encode(full))).isEqualTo(full);
        assertThat(StoredPapers.decode(StoredPapers.encode(bare))).isEqualTo(bare);
    }
}
