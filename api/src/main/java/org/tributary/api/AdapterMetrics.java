package org.tributary.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

/**
 * The adapter's figures for monitoring (the {@code tributary_*} meters of WildFly's {@code /metrics}), read at
 * one moment. Counts named "total" or ending in a past participle are cumulative since the adapter started
 * (ended sessions included); the others are what is alive now.
 *
 * @param time                 when the snapshot was taken
 * @param listeners            the ports bound now, by listener: "rtsp", "http-tunnel", "rtsps" (absent when off)
 * @param senderLoops          the sender threads the engine was built with
 * @param senderLoopsRunning   those whose loop is running now (fewer means one died)
 * @param sessionsByTransport  live sessions by transport: "udp", "tcp", "http" (tunnel), "multicast", "-"
 *                             (before any SETUP), "HTTP" (MP3 over HTTP)
 * @param rtspConnections      RTSP connections open now, every listener
 * @param connectionsAccepted  connections accepted since start, every listener
 * @param requestsAnswered     requests answered since start, every listener
 * @param bytesSent            RTP payload bytes (retransmissions included) and MP3-over-HTTP body bytes sent
 * @param packetsSent          RTP packets sent, retransmissions included
 * @param bytesReceived        RTP bytes from broadcasters and RTCP bytes from viewers
 * @param packetsReceived      RTP packets from broadcasters and RTCP packets from viewers
 * @param bitsPerSecondSent    the outgoing rate over the last second
 * @param packetsLostReported  packets viewers' RTCP receiver reports said they lost (growth of their
 *                             cumulative loss)
 * @param rtxRequested         packets viewers asked for again (RTCP NACK, RFC 4585)
 * @param rtxSent              retransmissions sent (RFC 4588)
 * @param refusalsByStatus     answers with an error status (4xx, 5xx) by status code, RTSP and HTTP
 * @param accessCacheHits      access checks answered from the adapter's cache
 * @param accessDecisions      access decisions asked of the policy bean (cache misses), timeouts included
 * @param setups               SETUP requests, from the request's arrival to its answer being queued
 * @param senderLag            how late the sender loops pumped each playback after its due time
 * @param liveStreams          live streams served now (broadcasts, SDP-file reflections, local broadcasters)
 * @param liveViewers          sessions reading a live stream now
 * @param hlsViewings          HLS viewings open now (a client that fetched a segment in the last 30 s)
 */
public record AdapterMetrics(Instant time,
                             Map<String, Integer> listeners,
                             int senderLoops,
                             int senderLoopsRunning,
                             Map<String, Integer> sessionsByTransport,
                             int rtspConnections,
                             long connectionsAccepted,
                             long requestsAnswered,
                             long bytesSent,
                             long packetsSent,
                             long bytesReceived,
                             long packetsReceived,
                             long bitsPerSecondSent,
                             long packetsLostReported,
                             long rtxRequested,
                             long rtxSent,
                             Map<Integer, Long> refusalsByStatus,
                             long accessCacheHits,
                             LatencyDistribution accessDecisions,
                             LatencyDistribution setups,
                             LatencyDistribution senderLag,
                             int liveStreams,
                             int liveViewers,
                             int hlsViewings) implements Serializable {

    public AdapterMetrics {
        listeners = Map.copyOf(listeners);
        sessionsByTransport = Map.copyOf(sessionsByTransport);
        refusalsByStatus = Map.copyOf(refusalsByStatus);
    }
}
