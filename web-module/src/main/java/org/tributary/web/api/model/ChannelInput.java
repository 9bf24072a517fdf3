package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The body of {@code POST /api/channels} and {@code PUT /api/channels/{name}}: a channel's definition. */
@Schema(description = "A channel's definition: a playlist played in a mode at a mount")
@JsonbPropertyOrder({"name", "mount", "kind", "mode", "recentWindow", "upcomingCount", "items", "referenceItem", "title",
        "genre", "description"})
public record ChannelInput(
        @Schema(description = "1 to 64 letters, digits, '.', '_' or '-'; required by POST, and if given to PUT the channel's own") String name,
        @Schema(required = true, description = "where it is served, under the media root: channels/news.sdp, radio/jazz") String mount,
        @Schema(required = true, enumeration = {"stream", "radio"}) String kind,
        @Schema(enumeration = {"sequential", "sequential_looped", "weighted_random"}, description = "default sequential_looped") String mode,
        @Schema(minimum = "0", maximum = "100000", description = "weighted random: picks before an item may repeat; default 0") Integer recentWindow,
        @Schema(minimum = "0", maximum = "50", description = "items \"up next\" shows; default 7") Integer upcomingCount,
        @Schema(required = true, description = "1 to 10000 items") List<ChannelItem> items,
        @Schema(nullable = true, description = "the item whose tracks define a stream; null for the first") String referenceItem,
        @Schema(nullable = true, description = "a radio station's name (icy-name)") String title,
        @Schema(nullable = true, description = "a radio station's genre") String genre,
        @Schema(nullable = true, description = "a radio station's description") String description) {
}
