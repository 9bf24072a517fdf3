package org.tributary.server;

/**
 * What one client may hold on the RTSP ports, so that idle, slow or stuck connections cannot pin the server.
 *
 * @param requestTimeoutSeconds   a request must arrive whole within this long of its first byte (and the
 *                                first one within this long of connecting); else 408 and close
 * @param idleTimeoutSeconds      a connection that sends and receives nothing for this long, and carries no
 *                                session, is closed (unpaired tunnel halves, MP3 requests never finished)
 * @param maxPerAddress           connections at once from one client address; more are refused with 503
 * @param maxQueuedBytes          output queued for one connection; interleaved packets past it are dropped
 * @param stallSeconds            a connection whose queued output makes no progress for this long is closed
 * @param maxTunnels              RTSP-over-HTTP GET halves waiting or open at once on one port; more get 503
 */
public record ConnectionLimits(int requestTimeoutSeconds, int idleTimeoutSeconds, int maxPerAddress,
                               int maxQueuedBytes, int stallSeconds, int maxTunnels) {

    public static final ConnectionLimits DEFAULTS = new ConnectionLimits(15, 60, 100, 1024 * 1024, 30, 1000);
}
