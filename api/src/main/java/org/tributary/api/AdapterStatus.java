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
 * @param openConnections   RTSP connections open now
 * @param totalConnections  RTSP connections accepted since start
 * @param activeSessions    RTSP sessions alive now
 * @param requestsHandled   RTSP requests answered since start
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
