package org.tributary.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * A snapshot of the resource adapter, taken when it is asked for.
 *
 * @param version           the adapter's build version
 * @param rtspBindAddress   the address the RTSP listener is bound to
 * @param rtspPort          the RTSP port actually bound (useful when configured as 0)
 * @param startedAt         when {@code ResourceAdapter.start} completed
 * @param openConnections   connections open now on every listener (RTSP, the HTTP tunnel port, RTSPS)
 * @param totalConnections  connections accepted since start, every listener
 * @param activeSessions    RTSP sessions and MP3-over-HTTP streams alive now
 * @param requestsHandled   requests answered since start, every listener
 * @param mediaRoot         the media folder served
 */
public record AdapterStatus(String version,
                            String rtspBindAddress,
                            int rtspPort,
                            Instant startedAt,
                            int openConnections,
                            long totalConnections,
                            int activeSessions,
                            long requestsHandled,
                            String mediaRoot) implements Serializable {

    /** Seconds since the adapter started, as of {@code now}. */
    public long uptimeSeconds(Instant now) {
        return Math.max(0, now.getEpochSecond() - startedAt.getEpochSecond());
    }
}
