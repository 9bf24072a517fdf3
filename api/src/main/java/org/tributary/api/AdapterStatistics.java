package org.tributary.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

/**
 * Counters of the running adapter at one moment. Byte and packet counts are cumulative since the adapter
 * started (ended sessions included), so a sampler gets rates from the difference of two snapshots.
 *
 * @param time                when the snapshot was taken
 * @param bytesSent           RTP payload and MP3-over-HTTP body bytes sent since start
 * @param packetsSent         RTP packets sent since start
 * @param openConnections     RTSP connections open now (both listeners)
 * @param activeSessions      RTSP sessions and MP3-over-HTTP streams alive now
 * @param sessionsByTransport live sessions by transport: "udp", "tcp", "http" (and "-" before any SETUP), "HTTP"
 *                            for MP3-over-HTTP streams
 * @param bitsPerSecond       the adapter's own outgoing rate over the last second (what the bandwidth limit uses)
 * @param processCpuLoad      the server process's recent CPU load, 0..1 (negative when unknown)
 */
public record AdapterStatistics(Instant time,
                                long bytesSent,
                                long packetsSent,
                                int openConnections,
                                int activeSessions,
                                Map<String, Integer> sessionsByTransport,
                                long bitsPerSecond,
                                double processCpuLoad) implements Serializable {

    public AdapterStatistics {
        sessionsByTransport = Map.copyOf(sessionsByTransport);
    }
}
