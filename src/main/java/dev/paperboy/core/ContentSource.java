package dev.paperboy.core;

import java.util.Optional;

/** Port: reads all content (for example a directory of files) into digests and papers, reporting problems. */
public interface ContentSource {

    /** Reads everything afresh. Never throws for bad content: problems are returned in the result. */
    ContentLoad load();

    /**
     * A cheap identity of the content as it is now, found without reading it: equal versions mean that
     * {@link #load()} reads the same content (the same files, by name, size, modification time and file
     * identity). Empty when the source cannot tell, which is always safe: nothing is then taken as current.
     * The limit is the file system's: an edit that keeps a file's size within one tick of its clock (1-2 s
     * on some file systems) and its identity goes unseen until the next change.
     */
    default Optional<String> version() {
        return Optional.empty();
    }

    /** A short description of where the content comes from, for status and logs. */
    String describe();
}
