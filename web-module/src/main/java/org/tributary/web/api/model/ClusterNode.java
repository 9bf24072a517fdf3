package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tributary.ejb.cluster.NodeStatus;

import java.util.List;

/** A cluster node ({@code GET /api/cluster}): its last heartbeat and whether it is alive. */
@Schema(description = "A cluster node as the shared database last heard of it")
@JsonbPropertyOrder({"name", "role", "rtspAddress", "alive", "lastHeardSeconds", "sessions", "bitsPerSecond",
        "cpuLoad", "originalPaths", "copyPaths"})
public record ClusterNode(
        @Schema(required = true, description = "its node name (jboss.node.name)") String name,
        @Schema(required = true, enumeration = {"origin", "edge"}) String role,
        @Schema(required = true, description = "host:port of its RTSP port") String rtspAddress,
        @Schema(required = true, description = "heard of within the dead-after time") boolean alive,
        @Schema(required = true, description = "seconds since its last heartbeat") long lastHeardSeconds,
        @Schema(required = true) int sessions,
        @Schema(required = true) long bitsPerSecond,
        @Schema(required = true, description = "its process's CPU load 0..1; negative when unknown") double cpuLoad,
        @Schema(required = true, description = "live paths of its own sources") List<String> originalPaths,
        @Schema(required = true, description = "live paths it pulls from other nodes") List<String> copyPaths) {

    public static ClusterNode of(NodeStatus n) {
        return new ClusterNode(n.name(), n.role(), n.rtspAddress(), n.alive(), n.lastHeardSeconds(), n.sessions(),
                n.bitsPerSecond(), n.cpuLoad(), n.originalPaths(), n.copyPaths());
    }
}
