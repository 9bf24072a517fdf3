package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tributary.api.PlayLogEntry;

/**
 * The item a channel plays now; also one line of its play log ({@code /api/channels/{name}/log}). Nillable so
 * that a channel playing nothing sends {@code "nowPlaying": null} (Yasson asks the null member's type).
 */
@JsonbNillable
@Schema(description = "An item a channel started: when, the file and its title")
@JsonbPropertyOrder({"path", "title", "startedAt"})
public record NowPlaying(
        @Schema(required = true) String path,
        @Schema(required = true, description = "the file's title metadata, else its name") String title,
        @Schema(required = true, format = "date-time") String startedAt) {

    public static NowPlaying of(PlayLogEntry e) {
        return e == null ? null : new NowPlaying(e.path(), e.title(), e.startedAt().toString());
    }
}
