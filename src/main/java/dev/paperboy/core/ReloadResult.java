package dev.paperboy.core;

import java.util.List;

/**
 * The outcome of a reload: either applied, with what changed and any warnings (such as papers left out of
 * search), or refused, with every problem found while the old content kept serving.
 */
public record ReloadResult(boolean applied, LibraryChanges changes, List<ContentProblem> problems,
                           List<String> warnings, int digests, int papers) {

    public ReloadResult {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }
}
