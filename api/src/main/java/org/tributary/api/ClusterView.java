package org.tributary.api;

import java.io.Serializable;
import java.util.List;

/**
 * What the EJB side tells the adapter of its cluster at each heartbeat: which node it is, the nodes alive now
 * (itself included) and how eagerly to redirect. The adapter acts on the last view it was given and forgets it
 * when no new one comes for {@link #validSeconds} (then it serves everything itself, as a single server).
 *
 * @param self           this node's name (one of the members)
 * @param members        the nodes alive now, this one included
 * @param redirectMargin how many sessions fewer another edge must have before a DESCRIBE is redirected to it
 * @param lingerSeconds  how long an edge keeps pulling a live path from another node after its last viewer left
 * @param validSeconds   how long the view holds without a new one
 */
public record ClusterView(String self, List<ClusterMember> members, int redirectMargin, int lingerSeconds,
                          int validSeconds) implements Serializable {

    public ClusterView {
        members = List.copyOf(members);
    }

    /** This node's entry, or null when the members do not name it. */
    public ClusterMember selfMember() {
        return members.stream().filter(m -> m.name().equals(self)).findFirst().orElse(null);
    }
}
