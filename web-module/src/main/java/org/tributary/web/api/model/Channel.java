package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tributary.api.ChannelKind;
import org.tributary.ejb.channels.ChannelSpec;
import org.tributary.ejb.channels.ChannelStatus;

import java.util.List;
import java.util.Locale;

/** A channel ({@code /api/channels}): its stored definition and what the server plays of it now. */
@JsonbNillable
@Schema(description = "A playlist channel: its definition and its state")
@JsonbPropertyOrder({"name", "mount", "kind", "mode", "recentWindow", "upcomingCount", "items", "referenceItem", "title",
        "genre", "description", "running", "state", "nowPlaying", "upcoming", "audience", "itemsPlayed", "lastError",
        "startedAt"})
public record Channel(
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
        @Schema(required = true, description = "stored as running: started again when the server starts") boolean running,
        @Schema(required = true, enumeration = {"playing", "live source", "ended", "failed", "stopped", "on the origin"},
                description = "\"on the origin\": seen from a cluster edge, whose server plays no channels (the origin does)") String state,
        @Schema(required = true, nullable = true) NowPlaying nowPlaying,
        @Schema(required = true, description = "the paths that play next, in order") List<String> upcoming,
        @Schema(required = true, description = "viewers or listeners now") int audience,
        @Schema(required = true) long itemsPlayed,
        @Schema(required = true, nullable = true) String lastError,
        @Schema(required = true, nullable = true, format = "date-time") String startedAt) {

    public static Channel of(ChannelStatus s) {
        ChannelSpec spec = s.spec();
        return new Channel(spec.name(), spec.mount(), kind(spec.kind()), spec.mode().configName(), spec.recentWindow(),
                spec.upcomingCount(), spec.items().stream().map(i -> new ChannelItem(i.path(), i.weight())).toList(),
                spec.referenceItem(), spec.title(), spec.genre(), spec.description(), s.running(), s.state(),
                NowPlaying.of(s.nowPlaying()), List.copyOf(s.upcoming()), s.audience(), s.itemsPlayed(), s.lastError(),
                s.startedAt() == null ? null : s.startedAt().toString());
    }

    /** "stream" or "radio". */
    public static String kind(ChannelKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
