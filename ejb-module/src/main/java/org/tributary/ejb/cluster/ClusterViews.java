package org.tributary.ejb.cluster;

import org.tributary.api.ClusterMember;
import org.tributary.api.ClusterView;

import java.util.List;

/** The view a node hands its adapter at a heartbeat: the alive nodes of the shared table, itself included. */
final class ClusterViews {

    private ClusterViews() {
    }

    static ClusterView of(ClusterSettings settings, List<NodeStatus> nodes) {
        List<ClusterMember> members = nodes.stream().filter(NodeStatus::alive)
                .map(n -> new ClusterMember(n.name(), n.role(), n.rtspAddress(), n.sessions(), n.bitsPerSecond(),
                        n.originalPaths()))
                .toList();
        return new ClusterView(settings.nodeName(), members, settings.redirectMargin(), settings.lingerSeconds(),
                settings.viewValidSeconds());
    }
}
