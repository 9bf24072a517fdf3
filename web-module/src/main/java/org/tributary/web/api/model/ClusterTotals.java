package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tributary.ejb.cluster.Totals;

/** The sums over the alive cluster nodes. */
@Schema(description = "The sums over the alive nodes")
@JsonbPropertyOrder({"nodes", "sessions", "bitsPerSecond"})
public record ClusterTotals(
        @Schema(required = true, description = "alive nodes") int nodes,
        @Schema(required = true) int sessions,
        @Schema(required = true) long bitsPerSecond) {

    public static ClusterTotals of(Totals t) {
        return new ClusterTotals(t.nodes(), t.sessions(), t.bitsPerSecond());
    }
}
