package dev.paperboy.bench;

import dev.paperboy.core.Library;
import dev.paperboy.core.Paper;
import dev.paperboy.core.SearchHit;
import dev.paperboy.core.SearchRequest;
import dev.paperboy.search.IndexStorage;
import dev.paperboy.search.LuceneSearchIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Paperboy's own search index, asked exactly as the bot asks it (snippets, totals and corrections included). */
final class PaperboyEngine implements BenchEngine {

    /** The content version the bench's index is built for, so that a new process can serve it ({@link ColdStart}). */
    static final String CONTENT_VERSION = "bench";

    private final Path directory;
    private final LuceneSearchIndex index;

    PaperboyEngine(Path directory) {
        this.directory = directory;
        this.index = new LuceneSearchIndex(IndexStorage.onDisk(directory));
    }

    @Override
    public String name() {
        return "Paperboy";
    }

    @Override
    public void build(List<Paper> papers) throws IOException {
        index.libraryChanging(Library.of(List.of(), papers).withContentVersion(CONTENT_VERSION));
    }

    Path directory() {
        return directory;
    }

    @Override
    public long sizeBytes() throws IOException {
        return sizeOf(directory);
    }

    @Override
    public List<String> top(String query, int limit) {
        return index.search(new SearchRequest(query, 1, limit)).hits().stream()
                .map(SearchHit::paper).map(p -> p.key()).toList();
    }

    @Override
    public void close() {
        index.close();
    }

    static long sizeOf(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
