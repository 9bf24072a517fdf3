package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tributary.api.MediaFileInfo;

import java.util.List;

/** A file of the media folder ({@code /api/media}). */
@JsonbNillable
@Schema(description = "A file of the media folder as the streaming server sees it")
@JsonbPropertyOrder({
        "path", "sizeBytes", "modified", "durationSeconds", "hinted", "playable", "problem", "tracks", "rtspUrl"})
public record MediaFile(
        @Schema(required = true) String path,
        @Schema(required = true) long sizeBytes,
        @Schema(required = true, nullable = true, format = "date-time") String modified,
        @Schema(required = true, nullable = true, description = "null when unknown; to the millisecond") Double durationSeconds,
        @Schema(required = true) boolean hinted,
        @Schema(required = true) boolean playable,
        @Schema(required = true, nullable = true, description = "why it cannot be played") String problem,
        @Schema(required = true) List<MediaTrack> tracks,
        @Schema(required = true, description = "the URL a player opens") String rtspUrl) {

    public static MediaFile of(MediaFileInfo e, String rtspUrl) {
        double seconds = e.durationSeconds();
        Double duration = Double.isNaN(seconds) || Double.isInfinite(seconds) ? null : Math.round(seconds * 1000) / 1000.0;
        return new MediaFile(e.path(), e.sizeBytes(), e.modified() == null ? null : e.modified().toString(), duration,
                e.hinted(), e.playable(), e.problem(),
                e.tracks().stream().map(t -> new MediaTrack(t.kind(), t.codec(), t.details())).toList(), rtspUrl);
    }
}
