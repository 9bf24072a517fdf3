package org.tributary.api;

import java.io.Serializable;

/**
 * The adapter settings an administrator may change while the server runs (the console's Settings page).
 * Values are not validated here: the EJB side validates them before it hands them over, and the adapter
 * checks again what only it can check (a port it cannot bind).
 *
 * @param rtspBindAddress       address the RTSP, tunnel and RTP sockets bind
 * @param rtspPort              RTSP TCP port
 * @param rtpPort               UDP port RTP leaves from (even); RTCP uses the next one
 * @param httpTunnelPort        second port for RTSP and RTSP-over-HTTP tunnels (0 = none)
 * @param mediaRoot             the media folder served
 * @param maxConnections        RTSP connections at once; more are refused with 503
 * @param maxSessions           RTSP sessions at once; more SETUPs get 453
 * @param maxBandwidthKbps      outgoing RTP bandwidth cap in kbit/s; a new stream that would pass it gets 453 (0 = none)
 * @param sessionTimeoutSeconds silence after which a session ends (new sessions)
 * @param authSchemes           schemes a 401 offers where no folder rule names one, preferred first ("digest basic")
 * @param accessCacheSeconds    how long an access decision is reused
 */
public record RuntimeSettings(String rtspBindAddress,
                              int rtspPort,
                              int rtpPort,
                              int httpTunnelPort,
                              String mediaRoot,
                              int maxConnections,
                              int maxSessions,
                              int maxBandwidthKbps,
                              int sessionTimeoutSeconds,
                              String authSchemes,
                              int accessCacheSeconds) implements Serializable {
}
