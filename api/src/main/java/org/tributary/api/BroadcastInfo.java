package org.tributary.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * One live broadcast: a publisher session (ANNOUNCE/RECORD) as the adapter sees it, for the console and the API.
 *
 * @param id              the publisher's RTSP session id
 * @param path            the path it publishes, relative to the media root
 * @param publisher       the publisher's IP address
 * @param userName        the user it authenticated as, or null
 * @param userAgent       its User-Agent, or null
 * @param codecs          the announced codecs, "H264, MPEG4-GENERIC"
 * @param transport       how its media arrives: "TCP", "UDP", "HTTP" (tunnel), "" before any track is set up
 * @param state           "ANNOUNCED" (set up, not recording yet) or "RECORDING"
 * @param startedAt       when its session was created
 * @param bitsPerSecond   the incoming rate over the last second
 * @param bytesReceived   RTP bytes received
 * @param packetsReceived RTP packets received
 * @param packetsLost     packets that never arrived (sequence gaps)
 * @param viewers         sessions reading the stream now
 */
public record BroadcastInfo(String id, String path, String publisher, String userName, String userAgent,
                            String codecs, String transport, String state, Instant startedAt, long bitsPerSecond,
                            long bytesReceived, long packetsReceived, long packetsLost, int viewers)
        implements Serializable {
}
