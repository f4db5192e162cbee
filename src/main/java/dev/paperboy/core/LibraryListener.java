package dev.paperboy.core;

import java.util.List;

/**
 * Port: something derived from the library (the search index) that must be brought up to date with
 * a new snapshot before that snapshot is served.
 */
public interface LibraryListener {

    /**
     * Prepares for the new snapshot. Throwing refuses the reload: the old snapshot keeps serving. Returns
     * what whoever reloaded should know although the reload went ahead (papers left out of search, with
     * what to do), one sentence each; empty when all went well.
     */
    List<String> libraryChanging(Library next) throws Exception;
}
