package org.tributary.ejb.cluster;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A cluster node as the console and the API show it: its last report and whether it is alive now.
 *
 * @param name             its node name
 * @param role             "origin" or "edge"
 * @param rtspAddress      "host:port" of its RTSP port
 * @param alive            whether it was heard of within the dead-after time (by the database's clock)
 * @param lastHeardSeconds seconds since its last heartbeat
 * @param startedAt        when it first reported (this run)
 * @param sessions         its sessions at its last report
 * @param bitsPerSecond    its outgoing rate at its last report
 * @param cpuLoad          its process's CPU load at its last report, 0..1
 * @param originalPaths    the live paths of its own sources
 * @param copyPaths        the live paths it pulled from other nodes
 */
public record NodeStatus(String name, String role, String rtspAddress, boolean alive, long lastHeardSeconds,
                         Instant startedAt, int sessions, long bitsPerSecond, double cpuLoad,
                         List<String> originalPaths, List<String> copyPaths) implements Serializable {

    public NodeStatus {
        originalPaths = List.copyOf(originalPaths);
        copyPaths = List.copyOf(copyPaths);
    }

    /** The row as of {@code now} (the database's clock): alive when last seen at or after now − deadAfter. */
    static NodeStatus of(ClusterNodeRecord r, Instant now, int deadAfterSeconds) {
        boolean alive = !r.getLastSeen().isBefore(now.minusSeconds(deadAfterSeconds));
        long heard = Math.max(0, Duration.between(r.getLastSeen(), now).toSeconds());
        return new NodeStatus(r.getName(), r.getRole(), r.getRtspAddress(), alive, heard, r.getStartedAt(),
                r.getSessions(), r.getBitsPerSecond(), r.getCpuLoad(), r.getOriginalPaths(), r.getCopyPaths());
    }
}
