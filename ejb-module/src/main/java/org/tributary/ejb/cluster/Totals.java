package org.tributary.ejb.cluster;

import java.io.Serializable;
import java.util.List;

/**
 * The cluster's sums over its alive nodes.
 *
 * @param nodes         the alive nodes
 * @param sessions      their sessions
 * @param bitsPerSecond their outgoing rates
 */
public record Totals(int nodes, int sessions, long bitsPerSecond) implements Serializable {

    public static final Totals NONE = new Totals(0, 0, 0);

    /** The sums over the alive ones of {@code nodes}. */
    public static Totals of(List<NodeStatus> nodes) {
        List<NodeStatus> alive = nodes.stream().filter(NodeStatus::alive).toList();
        return new Totals(alive.size(), alive.stream().mapToInt(NodeStatus::sessions).sum(),
                alive.stream().mapToLong(NodeStatus::bitsPerSecond).sum());
    }
}
