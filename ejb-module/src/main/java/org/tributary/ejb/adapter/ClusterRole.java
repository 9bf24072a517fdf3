package org.tributary.ejb.adapter;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * What this server is in a cluster, from the system property {@code tributary.cluster.role}: a single server
 * (not set, or a value that is not a role: {@code ejb.cluster.ClusterSettings} logs that), an origin or an edge.
 * It lives here, below the services that hand definitions to the adapter, because an edge's adapter runs no
 * configured relays or channels: the origin runs them and edges pull their paths on demand.
 */
public enum ClusterRole {
    SINGLE, ORIGIN, EDGE;

    public static final String PROPERTY = "tributary.cluster.role";

    private static final AtomicBoolean EDGE_NOTED = new AtomicBoolean();
    private static volatile ClusterRole current;

    /** The role a property value names ("origin", "edge", any case); SINGLE when blank; null when it names none. */
    public static ClusterRole parse(String value) {
        if (value == null || value.isBlank()) {
            return SINGLE;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "origin" -> ORIGIN;
            case "edge" -> EDGE;
            default -> null;
        };
    }

    /** This server's role, read once; a value that names no role makes it a single server. */
    public static ClusterRole current() {
        ClusterRole role = current;
        if (role == null) {
            role = parse(System.getProperty(PROPERTY));
            current = role = role == null ? SINGLE : role;
        }
        return role;
    }

    /** This server's node name when it is a cluster node ({@code jboss.node.name}), null for a single server. */
    public static String clusterNodeName() {
        return current() == SINGLE ? null : nodeName(System.getProperty("jboss.node.name"));
    }

    /** The node name WildFly set, else the host's name (outside WildFly). */
    public static String nodeName(String property) {
        if (property != null && !property.isBlank()) {
            return property.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** "origin" or "edge" as {@link org.tributary.api.ClusterMember} names them; "single" for a single server. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this server's adapter runs the stored relays and channels (a single server and the origin do). */
    public boolean runsRelaysAndChannels() {
        return this != EDGE;
    }

    /**
     * The console's confirmation of a relay or channel change, {@code done} ("Saved relay 'x'") with a full stop; on
     * an edge it says when the change takes effect, since the origin runs the relays and channels.
     */
    public String confirm(String done) {
        return runsRelaysAndChannels() ? done + "." : done + "; the origin applies it at its next heartbeat.";
    }

    /** Says once per deployment, on an edge, why the stored relays and channels are not handed to its adapter. */
    public static void noteEdgeSkipsRelaysAndChannels(Logger log) {
        if (EDGE_NOTED.compareAndSet(false, true)) {
            log.info("this node is an edge: relays and channels run on the origin; edges pull them on demand");
        }
    }
}
