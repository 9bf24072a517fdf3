package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tributary.api.BroadcastInfo;

/** A live broadcast ({@code GET /api/live/broadcasts}). */
@JsonbNillable
@Schema(description = "A live broadcast: one publisher (ANNOUNCE/RECORD) and its viewers")
@JsonbPropertyOrder({
        "id", "path", "publisher", "userName", "userAgent", "codecs", "transport", "state", "startedAt",
        "bitsPerSecond", "bytesReceived", "packetsReceived", "packetsLost", "viewers"})
public record Broadcast(
        @Schema(required = true) String id,
        @Schema(required = true) String path,
        @Schema(required = true) String publisher,
        @Schema(required = true, nullable = true) String userName,
        @Schema(required = true, nullable = true) String userAgent,
        @Schema(required = true) String codecs,
        @Schema(required = true) String transport,
        @Schema(required = true, enumeration = {"ANNOUNCED", "RECORDING"}) String state,
        @Schema(required = true, format = "date-time") String startedAt,
        @Schema(required = true) long bitsPerSecond,
        @Schema(required = true) long bytesReceived,
        @Schema(required = true) long packetsReceived,
        @Schema(required = true) long packetsLost,
        @Schema(required = true) int viewers) {

    public static Broadcast of(BroadcastInfo b) {
        return new Broadcast(b.id(), b.path(), b.publisher(), b.userName(), b.userAgent(), b.codecs(), b.transport(),
                b.state(), b.startedAt().toString(), b.bitsPerSecond(), b.bytesReceived(), b.packetsReceived(),
                b.packetsLost(), b.viewers());
    }
}
