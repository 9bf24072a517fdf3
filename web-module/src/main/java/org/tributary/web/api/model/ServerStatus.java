package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tributary.api.AdapterStatus;

import java.time.Instant;

/** {@code GET /api/status}. */
@Schema(description = "The streaming server's status")
@JsonbPropertyOrder({
        "version", "rtspBindAddress", "rtspPort", "startedAt", "uptimeSeconds", "openConnections",
        "totalConnections", "activeSessions", "requestsHandled", "mediaRoot"})
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
        @Schema(required = true) String mediaRoot) {

    public static ServerStatus of(AdapterStatus s, Instant now) {
        return new ServerStatus(s.version(), s.rtspBindAddress(), s.rtspPort(), s.startedAt().toString(),
                s.uptimeSeconds(now), s.openConnections(), s.totalConnections(), s.activeSessions(),
                s.requestsHandled(), s.mediaRoot());
    }
}
