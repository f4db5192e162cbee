package dev.paperboy.bench;

import dev.paperboy.core.Paper;
import java.util.List;

/** A search engine under benchmark: built once from the papers, then asked for the top keys of queries. */
interface BenchEngine extends AutoCloseable {

    String name();

    /** Builds the engine's index of {@code papers}, replacing nothing: called once. */
    void build(List<Paper> papers) throws Exception;

    /** Bytes the built index takes on disk. */
    long sizeBytes() throws Exception;

    /** The keys ({@link Paper#key()}) of the best {@code limit} papers for what a user typed. */
    List<String> top(String query, int limit) throws Exception;

    @Override
    void close() throws Exception;
}
