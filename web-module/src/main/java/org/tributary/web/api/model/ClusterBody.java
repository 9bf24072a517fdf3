package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tributary.ejb.cluster.NodeStatus;
import org.tributary.ejb.cluster.Totals;

import java.util.List;

/** The cluster ({@code GET /api/cluster}): every node of the shared table and the totals of the alive ones. */
@JsonbNillable
@Schema(name = "Cluster", description = "The cluster nodes sharing this server's database")
@JsonbPropertyOrder({"clustered", "self", "nodes", "totals"})
public record ClusterBody(
        @Schema(required = true, description = "whether this server is a cluster node") boolean clustered,
        @Schema(required = true, nullable = true, description = "this node's name; null when not a cluster node") String self,
        @Schema(required = true, description = "every node, alive or not, by name; empty when not a cluster node") List<ClusterNode> nodes,
        @Schema(required = true) ClusterTotals totals) {

    public static ClusterBody of(boolean clustered, String self, List<NodeStatus> nodes) {
        return new ClusterBody(clustered, self, nodes.stream().map(ClusterNode::of).toList(),
                ClusterTotals.of(Totals.of(nodes)));
    }
}
