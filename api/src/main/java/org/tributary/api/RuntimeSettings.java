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
 * @param mp3MaxStreams         MP3-over-HTTP streams at once; more get 503 (0 = MP3 over HTTP off)
 * @param mp3BurstSeconds       seconds of audio a new MP3 stream sends at once before pacing
 * @param mp3IcyMetaint         audio bytes between two ICY metadata blocks, for new streams
 * @param mp3StallSeconds       an MP3 listener taking no bytes for this long is dropped (new streams)
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
                              int accessCacheSeconds,
                              int mp3MaxStreams,
                              int mp3BurstSeconds,
                              int mp3IcyMetaint,
                              int mp3StallSeconds) implements Serializable {

    /** The adapter's defaults for the MP3-over-HTTP limits (its {@code tributary.mp3.*} properties' defaults). */
    public static final int DEFAULT_MP3_MAX_STREAMS = 1000;
    public static final int DEFAULT_MP3_BURST_SECONDS = 3;
    public static final int DEFAULT_MP3_ICY_METAINT = 16000;
    public static final int DEFAULT_MP3_STALL_SECONDS = 60;

    /** The settings before the MP3 limits were part of them; those take their defaults. */
    public RuntimeSettings(String rtspBindAddress, int rtspPort, int rtpPort, int httpTunnelPort, String mediaRoot,
                           int maxConnections, int maxSessions, int maxBandwidthKbps, int sessionTimeoutSeconds,
                           String authSchemes, int accessCacheSeconds) {
        this(rtspBindAddress, rtspPort, rtpPort, httpTunnelPort, mediaRoot, maxConnections, maxSessions,
                maxBandwidthKbps, sessionTimeoutSeconds, authSchemes, accessCacheSeconds, DEFAULT_MP3_MAX_STREAMS,
                DEFAULT_MP3_BURST_SECONDS, DEFAULT_MP3_ICY_METAINT, DEFAULT_MP3_STALL_SECONDS);
    }
}
