package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tributary.ejb.cluster.EndRequest;

/** Where ending a session of a cluster node stands ({@code DELETE /api/cluster/nodes/{node}/sessions/{id}}). */
@Schema(description = "Where ending a session of a cluster node stands")
@JsonbPropertyOrder({"state", "command", "node", "session", "message"})
public record ClusterEndState(
        @Schema(required = true, enumeration = {"ended", "pending"}) String state,
        @Schema(description = "the command left for the other node (GET /api/cluster/commands/{id}); absent when this node ended it") Long command,
        @Schema(required = true) String node,
        @Schema(required = true) String session,
        @Schema(required = true, description = "for people") String message) {

    public static ClusterEndState of(EndRequest r) {
        return new ClusterEndState(r.state().label(), r.command(), r.node(), r.sessionId(), r.describe());
    }
}
