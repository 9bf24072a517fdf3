package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tributary.ejb.logs.SessionHistory;

/** An entry of the session history: a finished session or refused requests. */
@JsonbNillable
@Schema(description = "A finished session or a refused request (count: how many alike)")
@JsonbPropertyOrder({
        "id", "kind", "startedAt", "endedAt", "durationSeconds", "clientAddress", "path", "status", "bytesSent",
        "packetsSent", "rtcpBytesReceived", "count", "sessionId", "query", "endReason", "userAgent", "transport",
        "audioCodec", "videoCodec", "username", "realm", "serverAddress", "packetsLost", "node"})
public record HistoryEntry(
        @Schema(required = true) String id,
        @Schema(required = true) String kind,
        @Schema(required = true, format = "date-time") String startedAt,
        @Schema(required = true, format = "date-time") String endedAt,
        @Schema(required = true) long durationSeconds,
        @Schema(required = true) String clientAddress,
        @Schema(required = true) String path,
        @Schema(required = true) int status,
        @Schema(required = true) long bytesSent,
        @Schema(required = true) long packetsSent,
        @Schema(required = true) long rtcpBytesReceived,
        @Schema(required = true) int count,
        @Schema(required = true, nullable = true) String sessionId,
        @Schema(required = true, nullable = true) String query,
        @Schema(required = true, nullable = true) String endReason,
        @Schema(required = true, nullable = true) String userAgent,
        @Schema(required = true, nullable = true) String transport,
        @Schema(required = true, nullable = true) String audioCodec,
        @Schema(required = true, nullable = true) String videoCodec,
        @Schema(required = true, nullable = true) String username,
        @Schema(required = true, nullable = true) String realm,
        @Schema(required = true, nullable = true) String serverAddress,
        @Schema(required = true, nullable = true) Long packetsLost,
        @Schema(required = true, nullable = true, description = "the cluster node that served it; null on a single server") String node) {

    public static HistoryEntry of(SessionHistory h) {
        return new HistoryEntry(h.getEventId(), h.getKind(), h.getStartedAt().toString(), h.getEndedAt().toString(),
                h.getDurationSeconds(), h.getClientAddress(), h.getPath(), h.getStatus(), h.getBytesSent(),
                h.getPacketsSent(), h.getRtcpBytesReceived(), h.getCount(), h.getSessionId(), h.getQuery(),
                h.getEndReason(), h.getUserAgent(), h.getTransport(), h.getAudioCodec(), h.getVideoCodec(),
                h.getUsername(), h.getRealm(), h.getServerAddress(), h.getPacketsLost(), h.getNode());
    }
}
