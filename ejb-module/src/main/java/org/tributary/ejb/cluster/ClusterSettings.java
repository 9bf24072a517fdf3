package org.tributary.ejb.cluster;

import org.tributary.ejb.adapter.ClusterRole;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * This server's place in a cluster, from system properties read once. A server is a cluster node only when
 * {@code tributary.cluster.role} is {@code origin} or {@code edge}; a value out of range is an ERROR line naming the
 * property, the value and the range, and its default is used.
 *
 * @param role             SINGLE (not a cluster node), ORIGIN or EDGE: {@code tributary.cluster.role}
 * @param nodeName         {@code jboss.node.name}
 * @param rtspAddress      {@code tributary.cluster.rtsp-address}, "host:port" where players and other nodes reach
 *                         this node's RTSP port; null: this host's address and the adapter's RTSP port
 * @param heartbeatSeconds {@code tributary.cluster.heartbeat-seconds} [2], 1..60
 * @param deadAfterSeconds {@code tributary.cluster.dead-after-seconds} [4 × heartbeat, 8], more than the heartbeat, at
 *                         most 3600: a node not heard of for longer is dead
 * @param redirectMargin   {@code tributary.cluster.redirect-margin} [10], ≥ 1: sessions fewer another edge must have
 *                         for a DESCRIBE to be redirected to it
 * @param lingerSeconds    {@code tributary.cluster.linger-seconds} [30], 0..3600: how long an edge keeps pulling a
 *                         live path after its last viewer left
 */
public record ClusterSettings(ClusterRole role, String nodeName, String rtspAddress, int heartbeatSeconds,
                              int deadAfterSeconds, int redirectMargin, int lingerSeconds) {

    static final String PREFIX = "tributary.cluster.";
    static final int DEFAULT_HEARTBEAT = 2;
    static final int DEFAULT_REDIRECT_MARGIN = 10;
    static final int DEFAULT_LINGER = 30;
    static final int MAX_SECONDS = 3600;

    private static final Logger LOG = Logger.getLogger(ClusterSettings.class.getName());
    private static volatile ClusterSettings current;

    /** Read once from the system properties; the problems are logged at ERROR the first time. */
    public static ClusterSettings current() {
        ClusterSettings settings = current;
        if (settings == null) {
            synchronized (ClusterSettings.class) {
                if (current == null) {
                    current = read(System::getProperty, LOG::severe);
                }
                settings = current;
            }
        }
        return settings;
    }

    /**
     * Reads the settings through {@code property}; each problem goes to {@code errors} as one line.
     */
    static ClusterSettings read(UnaryOperator<String> property, Consumer<String> errors) {
        String roleValue = property.apply(ClusterRole.PROPERTY);
        ClusterRole role = ClusterRole.parse(roleValue);
        if (role == null) {
            errors.accept(ClusterRole.PROPERTY + " is '" + roleValue + "': it must be origin or edge; this server runs"
                    + " as a single server, not a cluster node");
            role = ClusterRole.SINGLE;
        }
        String name = ClusterRole.nodeName(property.apply("jboss.node.name"));
        if (role == ClusterRole.SINGLE) {
            return new ClusterSettings(role, name, null, DEFAULT_HEARTBEAT, 4 * DEFAULT_HEARTBEAT,
                    DEFAULT_REDIRECT_MARGIN, DEFAULT_LINGER);
        }
        Ranges ranges = new Ranges(property, errors);
        int heartbeat = ranges.integer("heartbeat-seconds", DEFAULT_HEARTBEAT, 1, 60);
        int deadAfter = ranges.integer("dead-after-seconds", 4 * heartbeat, heartbeat + 1, MAX_SECONDS);
        int margin = ranges.integer("redirect-margin", DEFAULT_REDIRECT_MARGIN, 1, Integer.MAX_VALUE);
        int linger = ranges.integer("linger-seconds", DEFAULT_LINGER, 0, MAX_SECONDS);
        String address = address(property.apply(PREFIX + "rtsp-address"), errors);
        return new ClusterSettings(role, name, address, heartbeat, deadAfter, margin, linger);
    }

    public boolean clustered() {
        return role != ClusterRole.SINGLE;
    }

    /** "origin" or "edge". */
    public String roleLabel() {
        return role.label();
    }

    /** How long a view holds in the adapter without a new one: two dead-after periods. */
    public int viewValidSeconds() {
        return 2 * deadAfterSeconds;
    }

    /** The address other nodes and players use: the configured one, else this host's address and {@code rtspPort}. */
    public String rtspAddress(int rtspPort) {
        if (rtspAddress != null) {
            return rtspAddress;
        }
        try {
            return InetAddress.getLocalHost().getHostAddress() + ":" + rtspPort;
        } catch (UnknownHostException e) {
            return "127.0.0.1:" + rtspPort;
        }
    }

    /** A "host:port" value, or null (the default) when absent or malformed (an error). */
    private static String address(String value, Consumer<String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        int colon = v.lastIndexOf(':');
        String problem = null;
        if (colon <= 0 || colon == v.length() - 1) {
            problem = "it must be host:port";
        } else {
            try {
                int port = Integer.parseInt(v.substring(colon + 1));
                if (port < 1 || port > 65535) {
                    problem = "its port must be 1..65535";
                }
            } catch (NumberFormatException e) {
                problem = "its port must be a whole number 1..65535";
            }
        }
        if (problem != null) {
            errors.accept(PREFIX + "rtsp-address is '" + value + "': " + problem + "; using this host's address and"
                    + " the RTSP port");
            return null;
        }
        return v;
    }

    /** Whole-number properties checked against their range. */
    private record Ranges(UnaryOperator<String> property, Consumer<String> errors) {

        int integer(String key, int fallback, int min, int max) {
            String value = property.apply(PREFIX + key);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                int parsed = Integer.parseInt(value.trim());
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below like a value out of range
            }
            errors.accept(PREFIX + key + " is '" + value + "': it must be a whole number " + range(min, max)
                    + "; using " + fallback);
            return fallback;
        }

        private static String range(int min, int max) {
            return max == Integer.MAX_VALUE ? ">= " + min : min + ".." + max;
        }
    }
}
