package dev.paperboy.core.delivery;

import java.util.Map;
import java.util.Set;

/**
 * Port: which paper went to which target. An entry is written when a run is planned, so a paper in
 * flight is never planned twice; it counts as sent once the message that carries it is, with that message's platform id.
 */
public interface LedgerStore {

    /**
     * Of each target's candidate papers ({@link dev.paperboy.core.Paper#key()}), those the target has had
     * or has on its way. Asking about candidates, not for everything, keeps planning independent of how
     * long the ledger's history is.
     */
    Map<Target, Set<String>> paperKeys(Map<Target, Set<String>> candidates);
}
