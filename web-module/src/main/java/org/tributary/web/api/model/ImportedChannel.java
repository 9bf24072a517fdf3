package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The answer of {@code POST /api/channels/import}: the new channel, and what looked wrong in the files. */
@JsonbNillable
@Schema(description = "A channel made from Darwin files, with the config's warnings (file:line: message)")
@JsonbPropertyOrder({"name", "mount", "kind", "mode", "recentWindow", "upcomingCount", "items", "referenceItem", "title",
        "genre", "description", "running", "state", "nowPlaying", "upcoming", "audience", "itemsPlayed", "lastError",
        "startedAt", "warnings"})
public record ImportedChannel(
        @Schema(required = true) String name,
        @Schema(required = true) String mount,
        @Schema(required = true, enumeration = {"stream", "radio"}) String kind,
        @Schema(required = true, enumeration = {"sequential", "sequential_looped", "weighted_random"}) String mode,
        @Schema(required = true) int recentWindow,
        @Schema(required = true) int upcomingCount,
        @Schema(required = true) List<ChannelItem> items,
        @Schema(required = true, nullable = true) String referenceItem,
        @Schema(required = true, nullable = true) String title,
        @Schema(required = true, nullable = true) String genre,
        @Schema(required = true, nullable = true) String description,
        @Schema(required = true) boolean running,
        @Schema(required = true, enumeration = {"playing", "live source", "ended", "failed", "stopped"}) String state,
        @Schema(required = true, nullable = true) NowPlaying nowPlaying,
        @Schema(required = true) List<String> upcoming,
        @Schema(required = true) int audience,
        @Schema(required = true) long itemsPlayed,
        @Schema(required = true, nullable = true) String lastError,
        @Schema(required = true, nullable = true, format = "date-time") String startedAt,
        @Schema(required = true, description = "accepted but looked wrong: unknown or repeated keys, clamped values") List<String> warnings) {

    public static ImportedChannel of(Channel c, List<String> warnings) {
        return new ImportedChannel(c.name(), c.mount(), c.kind(), c.mode(), c.recentWindow(), c.upcomingCount(), c.items(),
                c.referenceItem(), c.title(), c.genre(), c.description(), c.running(), c.state(), c.nowPlaying(),
                c.upcoming(), c.audience(), c.itemsPlayed(), c.lastError(), c.startedAt(), List.copyOf(warnings));
    }
}
