package dev.paperboy.core;

/** Port: reads all content (for example a directory of files) into digests and papers, reporting problems. */
public interface ContentSource {

    /** Reads everything afresh. Never throws for bad content: problems are returned in the result. */
    ContentLoad load();

    /** A short description of where the content comes from, for status and logs. */
    String describe();
}
