package dev.paperboy.core;

import java.util.List;

/**
 * Port: a part of Paperboy that adds its own lines to {@code /status} (for example the arXiv fetcher's
 * last run per topic), so the status command needs to know nothing about it.
 */
public interface StatusContributor {

    /** The lines to show, each a short sentence; empty when there is nothing to say. Must not throw. */
    List<String> statusLines();
}
