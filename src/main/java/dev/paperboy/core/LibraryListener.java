package dev.paperboy.core;

/**
 * Port: something derived from the library (the search index) that must be brought up to date with
 * a new snapshot before that snapshot is served.
 */
public interface LibraryListener {

    /**
     * Prepares for the new snapshot. Throwing refuses the reload: the old snapshot keeps serving.
     */
    void libraryChanging(Library next) throws Exception;
}
