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
 * @param udpSendMode       how the sender threads put UDP on the wire: "sendmmsg" (batched, native) or "sendto"
 *                          (one system call per packet)
 * @param udpSendDetail     what runs and why (the native library's version, or why it is not used)
 * @param udpPacketsBatched UDP packets the sender threads have sent in batches since start (0 for "sendto")
 * @param udpBatches        the batches they made of them (each one sendmmsg call per socket)
 */
public record AdapterStatus(String version,
                            String rtspBindAddress,
                            int rtspPort,
                            Instant startedAt,
                            int openConnections,
                            long totalConnections,
                            int activeSessions,
                            long requestsHandled,
                            String mediaRoot,
                            String udpSendMode,
                            String udpSendDetail,
                            long udpPacketsBatched,
                            long udpBatches) implements Serializable {

    /** Seconds since the adapter started, as of {@code now}. */
    public long uptimeSeconds(Instant now) {
        return Math.max(0, now.getEpochSecond() - startedAt.getEpochSecond());
    }
}
