package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.Library;
import dev.paperboy.core.Paper;
import dev.paperboy.core.SearchRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexLockTest {

    @Test
    void aSecondProcessOnTheSameDataDirectoryIndexesInMemory(@TempDir Path root) throws Exception {
        Library library = Library.of(List.of(), List.of(Paper.of("2401.00001", "Graphs", List.of("Ada"), "", "")));
        try (LuceneSearchIndex bot = new LuceneSearchIndex(IndexStorage.onDisk(root));
             LuceneSearchIndex command = new LuceneSearchIndex(IndexStorage.onDisk(root))) {
            bot.libraryChanging(library);
            command.libraryChanging(library);

            assertThat(command.search(new SearchRequest("graphs", 1, 10)).total()).isEqualTo(1);
            assertThat(bot.search(new SearchRequest("graphs", 1, 10)).total()).isEqualTo(1);
        }
    }
}
