package org.tributary.ejb.stats;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The server at one sampling moment.
 *
 * @param time                when the sample was taken
 * @param sessions            RTSP sessions and MP3-over-HTTP streams alive
 * @param connections         RTSP connections open
 * @param bitsPerSecond       outgoing rate (RTP and MP3 over HTTP) since the previous sample
 * @param packetsPerSecond    outgoing RTP packets per second since the previous sample
 * @param processCpuLoad      the server process's CPU load, 0..1
 * @param sessionsByTransport live sessions by transport ("udp", "tcp", "http"; "HTTP" for MP3 over HTTP)
 * @param topFiles            the most played files now, most sessions first
 */
public record StatsSample(Instant time,
                          int sessions,
                          int connections,
                          long bitsPerSecond,
                          long packetsPerSecond,
                          double processCpuLoad,
                          Map<String, Integer> sessionsByTransport,
                          List<FileCount> topFiles) implements Serializable {

    public StatsSample {
        sessionsByTransport = Map.copyOf(sessionsByTransport);
        topFiles = List.copyOf(topFiles);
    }
}
