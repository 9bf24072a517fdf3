package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tributary.api.SessionInfo;

/** A session alive now ({@code GET /api/sessions}). */
@JsonbNillable
@Schema(name = "Session", description = "An RTSP session or an MP3-over-HTTP stream alive now")
@JsonbPropertyOrder({
        "id", "clientAddress", "path", "transport", "state", "userAgent", "startedAt", "bytesSent", "packetsSent",
        "packetsLost", "jitterMillis", "receiverReports", "userName", "bitsPerSecond", "rtxRequested", "rtxSent",
        "rtxTooLate", "thinnedFrames", "thinningChanges"})
public record LiveSession(
        @Schema(required = true) String id,
        @Schema(required = true) String clientAddress,
        @Schema(required = true) String path,
        @Schema(required = true) String transport,
        @Schema(required = true) String state,
        @Schema(required = true, description = "empty when the client sent none") String userAgent,
        @Schema(required = true, format = "date-time") String startedAt,
        @Schema(required = true) long bytesSent,
        @Schema(required = true) long packetsSent,
        @Schema(required = true) long packetsLost,
        @Schema(required = true) double jitterMillis,
        @Schema(required = true) long receiverReports,
        @Schema(required = true, nullable = true, description = "null when nobody logged in") String userName,
        @Schema(required = true) long bitsPerSecond,
        @Schema(required = true) long rtxRequested,
        @Schema(required = true) long rtxSent,
        @Schema(required = true) long rtxTooLate,
        @Schema(required = true, description = "video frames not sent because the client reported loss") long thinnedFrames,
        @Schema(required = true, description = "changes of the thinning level") long thinningChanges) {

    public static LiveSession of(SessionInfo s) {
        return new LiveSession(s.id(), s.clientAddress(), s.path(), s.transport(), s.state(),
                s.userAgent() == null ? "" : s.userAgent(), s.startedAt().toString(), s.bytesSent(), s.packetsSent(),
                s.packetsLost(), s.jitterMillis(), s.receiverReports(), s.userName(), s.bitsPerSecond(),
                s.rtxRequested(), s.rtxSent(), s.rtxTooLate(), s.thinnedFrames(), s.thinningChanges());
    }
}
