package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tributary.api.AdapterStatus;

import java.time.Instant;

/** {@code GET /api/status}. */
@Schema(description = "The streaming server's status")
@JsonbPropertyOrder({
        "version", "rtspBindAddress", "rtspPort", "startedAt", "uptimeSeconds", "openConnections",
        "totalConnections", "activeSessions", "requestsHandled", "mediaRoot", "udpSendMode", "udpSendDetail",
        "udpPacketsBatched", "udpBatches"})
public record ServerStatus(
        @Schema(required = true) String version,
        @Schema(required = true) String rtspBindAddress,
        @Schema(required = true) int rtspPort,
        @Schema(required = true, format = "date-time") String startedAt,
        @Schema(required = true) long uptimeSeconds,
        @Schema(required = true) int openConnections,
        @Schema(required = true) long totalConnections,
        @Schema(required = true) int activeSessions,
        @Schema(required = true) long requestsHandled,
        @Schema(required = true) String mediaRoot,
        @Schema(required = true, enumeration = {"sendmmsg", "sendto"},
                description = "sendmmsg: a sender thread's UDP packets leave in batches (Netty's native epoll);"
                        + " sendto: one system call per packet") String udpSendMode,
        @Schema(required = true, description = "what sends UDP, or why batching is not used") String udpSendDetail,
        @Schema(required = true, description = "UDP packets sent in batches since start") long udpPacketsBatched,
        @Schema(required = true, description = "the batches made of them") long udpBatches) {

    public static ServerStatus of(AdapterStatus s, Instant now) {
        return new ServerStatus(s.version(), s.rtspBindAddress(), s.rtspPort(), s.startedAt().toString(),
                s.uptimeSeconds(now), s.openConnections(), s.totalConnections(), s.activeSessions(),
                s.requestsHandled(), s.mediaRoot(), s.udpSendMode(), s.udpSendDetail(),
                s.udpPacketsBatched(), s.udpBatches());
    }
}
