package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One playlist line of a channel ({@code /api/channels}). */
@Schema(description = "A file under the media root and its weight (weighted random play)")
@JsonbPropertyOrder({"path", "weight"})
public record ChannelItem(
        @Schema(required = true, description = "relative to the media root, e.g. channels/one.mp4") String path,
        @Schema(required = true, minimum = "1", maximum = "10", description = "1 to 10; 10 when left out of a request") int weight) {
}
