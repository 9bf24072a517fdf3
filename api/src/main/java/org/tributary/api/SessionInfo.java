package org.tributary.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * One live RTSP session, MP3-over-HTTP stream (transport "HTTP", id "HTTP-n", no packets or RTCP figures) or
 * HLS viewing (transport "HLS", id "HLS-...", bytes served and the average rate; it cannot be disconnected), as
 * the adapter sees it, for the console and the API.
 *
 * @param id              the RTSP session id
 * @param clientAddress   the client's IP address
 * @param path            the presentation played, relative to the media root
 * @param transport       "udp", "tcp" (interleaved), "http" (tunnel), "HTTP" (MP3 over HTTP) or "HLS"
 * @param state           "READY" or "PLAYING"
 * @param userAgent       the client's User-Agent, or null
 * @param startedAt       when the session was created
 * @param bytesSent       RTP payload bytes sent
 * @param packetsSent     RTP packets sent
 * @param packetsLost     packets the client reported lost (RTCP receiver reports), summed over tracks
 * @param jitterMillis    the highest interarrival jitter the client reported, in milliseconds
 * @param receiverReports RTCP receiver reports received
 * @param userName        the user the client authenticated as, or null when anonymous
 * @param bitsPerSecond   the session's outgoing RTP rate over the last second
 * @param rtxRequested    lost packets the client asked for again (RFC 4585 NACK), summed over tracks
 * @param rtxSent         of those, resent as RFC 4588 retransmissions
 * @param rtxTooLate      of those, asked for after rtx-time or no longer kept
 * @param thinnedFrames   video frames not sent to spare a congested UDP client (thinning)
 * @param thinningChanges times the thinning level changed
 */
public record SessionInfo(String id,
                          String clientAddress,
                          String path,
                          String transport,
                          String state,
                          String userAgent,
                          Instant startedAt,
                          long bytesSent,
                          long packetsSent,
                          long packetsLost,
                          double jitterMillis,
                          long receiverReports,
                          String userName,
                          long bitsPerSecond,
                          long rtxRequested,
                          long rtxSent,
                          long rtxTooLate,
                          long thinnedFrames,
                          long thinningChanges) implements Serializable {
}
