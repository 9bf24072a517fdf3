package org.tributary.api;

import java.io.Serializable;
import java.util.List;

/**
 * One live node of a Tributary cluster as the shared database last heard of it, for the adapter's entry
 * redirects and on-demand pulls.
 *
 * @param name          the node's name (WildFly's {@code jboss.node.name})
 * @param role          "origin" (takes publishers, hands viewers to edges) or "edge" (serves viewers, pulls live
 *                      paths from the node that has them)
 * @param rtspAddress   where players and other nodes reach its RTSP port, "host:port"
 * @param sessions      its RTSP sessions and MP3 streams now
 * @param bitsPerSecond its outgoing rate now
 * @param originalPaths the live paths it carries from a source of its own (a publisher, a local broadcaster, a
 *                      channel, a configured relay), canonical, without a leading slash
 */
public record ClusterMember(String name, String role, String rtspAddress, int sessions, long bitsPerSecond,
                            List<String> originalPaths) implements Serializable {

    public static final String ORIGIN = "origin";
    public static final String EDGE = "edge";

    public ClusterMember {
        originalPaths = List.copyOf(originalPaths);
    }

    public boolean edge() {
        return EDGE.equals(role);
    }
}
