package org.tributary.web.console.cluster;

import org.tributary.ejb.cluster.NodeStatus;
import org.tributary.web.console.sessions.SessionRow;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * One node of the Cluster page with its sessions, as the shared database last heard of it.
 *
 * @param status   the node's last heartbeat and whether it is alive
 * @param self     whether it is the node serving this page
 * @param sessions its sessions as the Sessions page shows them (this node's now, another's as of its last
 *                 heartbeat); empty for a node not alive
 */
public record NodeRow(NodeStatus status, boolean self, List<SessionRow> sessions) implements Serializable {

    public NodeRow {
        sessions = List.copyOf(sessions);
    }

    public String name() {
        return status.name();
    }

    /** "alive" or "dead". */
    public String state() {
        return status.alive() ? "alive" : "dead";
    }

    /** "last heard 3 s ago". */
    public String lastHeard() {
        return "last heard " + status.lastHeardSeconds() + " s ago";
    }

    /** "1.2 Mbit/s", "350 kbit/s". */
    public String bitrate() {
        return SessionRow.bitrate(status.bitsPerSecond());
    }

    /** "42 %", or "—" when the node could not tell. */
    public String cpu() {
        return status.cpuLoad() < 0 ? "—" : String.format(Locale.ROOT, "%.0f %%", status.cpuLoad() * 100);
    }

    /** The live paths of its own sources, "—" when none. */
    public String originals() {
        return paths(status.originalPaths());
    }

    /** The live paths it pulls from other nodes, "—" when none. */
    public String copies() {
        return paths(status.copyPaths());
    }

    private static String paths(List<String> paths) {
        return paths.isEmpty() ? "—" : String.join(", ", paths);
    }
}
