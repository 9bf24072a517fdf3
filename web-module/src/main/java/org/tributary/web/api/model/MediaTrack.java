package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A track of a media file. */
@Schema(description = "A track of a media file")
@JsonbPropertyOrder({"kind", "codec", "details"})
public record MediaTrack(
        @Schema(required = true, description = "audio, video, ...") String kind,
        @Schema(required = true) String codec,
        @Schema(required = true) String details) {
}
