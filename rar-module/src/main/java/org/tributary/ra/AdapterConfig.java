package org.tributary.ra;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * The adapter's configuration, validated once at start. A bad value fails {@code start()} with a message
 * naming the property, so the deployment fails loudly instead of running half-configured.
 *
 * @param rtspBindAddress      address the RTSP listener binds
 * @param rtspPort             RTSP TCP port (0 = any free port)
 * @param mediaRoot            the media folder served
 * @param maxConnections       RTSP connections accepted at once; more get 503
 * @param accessCacheSeconds   how long an access decision is reused without asking the EJB side
 * @param accessTimeoutMillis  how long a request waits for an access decision before 503
 * @param rtpPort              the server's UDP port for RTP (RTCP uses the next one)
 * @param sessionTimeoutSeconds a session with no request and no RTCP for this long is ended
 * @param maxSessions          RTSP sessions at once; more SETUPs get 453
 * @param senderThreads        sender threads pacing every stream
 * @param httpTunnelPort       a second port for RTSP and RTSP-over-HTTP tunnels (0 = none)
 */
public record AdapterConfig(InetAddress rtspBindAddress,
                            int rtspPort,
                            Path mediaRoot,
                            int maxConnections,
                            int accessCacheSeconds,
                            int accessTimeoutMillis,
                            int rtpPort,
                            int sessionTimeoutSeconds,
                            int maxSessions,
                            int senderThreads,
                            int httpTunnelPort) {

    /** Thrown for a configuration value that cannot be used; the message names the property. */
    public static final class InvalidConfigException extends Exception {
        InvalidConfigException(String property, Object value, String why) {
            super("invalid adapter property " + property + "='" + value + "': " + why);
        }
    }

    public static AdapterConfig of(String bindAddress, Integer port, String mediaRoot, Integer maxConnections,
                                   Integer accessCacheSeconds, Integer accessTimeoutMillis, Integer rtpPort,
                                   Integer sessionTimeoutSeconds, Integer maxSessions, Integer senderThreads,
                                   Integer httpTunnelPort)
            throws InvalidConfigException {
        InetAddress address;
        try {
            address = InetAddress.getByName(require("rtspBindAddress", bindAddress));
        } catch (UnknownHostException e) {
            throw new InvalidConfigException("rtspBindAddress", bindAddress, "not an address of this host");
        }
        int p = range("rtspPort", port, 0, 65535);
        Path root = Path.of(require("mediaRoot", mediaRoot)).toAbsolutePath().normalize();
        int connections = range("maxConnections", maxConnections, 1, 1_000_000);
        int cache = range("accessCacheSeconds", accessCacheSeconds, 0, 86_400);
        int timeout = range("accessTimeoutMillis", accessTimeoutMillis, 1, 600_000);
        int rtp = range("rtpPort", rtpPort, 0, 65534);
        if (rtp % 2 != 0) {
            throw new InvalidConfigException("rtpPort", rtpPort, "must be even (RTCP uses the next port)");
        }
        int sessionTimeout = range("sessionTimeoutSeconds", sessionTimeoutSeconds, 5, 86_400);
        int sessions = range("maxSessions", maxSessions, 1, 1_000_000);
        int senders = range("senderThreads", senderThreads, 1, 64);
        int tunnel = range("httpTunnelPort", httpTunnelPort, 0, 65535);
        if (tunnel != 0 && tunnel == p) {
            throw new InvalidConfigException("httpTunnelPort", httpTunnelPort, "must differ from rtspPort");
        }
        return new AdapterConfig(address, p, root, connections, cache, timeout, rtp, sessionTimeout, sessions, senders,
                tunnel);
    }

    private static String require(String property, String value) throws InvalidConfigException {
        if (value == null || value.isBlank()) {
            throw new InvalidConfigException(property, value, "must be set");
        }
        return value.trim();
    }

    private static int range(String property, Integer value, int min, int max) throws InvalidConfigException {
        if (value == null) {
            throw new InvalidConfigException(property, null, "must be set");
        }
        if (value < min || value > max) {
            throw new InvalidConfigException(property, value, "must be between " + min + " and " + max);
        }
        return value;
    }
}
