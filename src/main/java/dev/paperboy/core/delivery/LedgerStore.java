package dev.paperboy.core.delivery;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Port: which paper went to which target. An entry is written when a run is planned, so a paper in
 * flight is never planned twice; it counts as sent once the message that carries it is, with that message's platform id.
 */
public interface LedgerStore {

    /** The {@link dev.paperboy.core.Paper#key()} of every paper each target has had or has on its way. */
    Map<Target, Set<String>> paperKeys(Collection<Target> targets);
}
