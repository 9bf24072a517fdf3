package org.tributary.ejb.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The alive set between heartbeats, for the log: which nodes joined and which left since the last beat.
 * Not thread-safe: the heartbeat's singleton owns it.
 */
final class Membership {

    private Map<String, String> alive;

    /** The log lines for this beat's nodes: every alive one at the first beat, then who joined and who left. */
    List<String> changes(List<NodeStatus> nodes) {
        Map<String, NodeStatus> byName = nodes.stream().collect(Collectors.toMap(NodeStatus::name, n -> n));
        Map<String, String> now = new LinkedHashMap<>();
        nodes.stream().filter(NodeStatus::alive).forEach(n -> now.put(n.name(), n.role()));
        List<String> lines = new ArrayList<>();
        if (alive == null) {
            lines.add("cluster nodes alive: " + now.entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", ")));
        } else {
            now.keySet().stream().filter(n -> !alive.containsKey(n)).forEach(n -> lines.add("cluster node " + n + " joined"));
            for (String name : alive.keySet()) {
                if (!now.containsKey(name)) {
                    NodeStatus last = byName.get(name);
                    lines.add("cluster node " + name + " left (" + (last == null ? "stopped"
                            : "last heard " + last.lastHeardSeconds() + " s ago") + ")");
                }
            }
        }
        alive = now;
        return lines;
    }
}
