package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/** The body of {@code POST /api/channels/import}: a Darwin playlist, its includes and its config. */
@Schema(description = "Darwin broadcaster files to make a new (stopped) channel of")
@JsonbPropertyOrder({"name", "mount", "kind", "mediaFolder", "playlist", "playlistFileName", "config", "configFileName",
        "includes"})
public record ChannelImportBody(
        @Schema(required = true, description = "the new channel's name") String name,
        @Schema(nullable = true, description = "default: the config's destination_sdp_file or broadcast_mount_point") String mount,
        @Schema(nullable = true, enumeration = {"stream", "radio"}, description = "default: radio when every item is an MP3") String kind,
        @Schema(nullable = true, description = "the folder Darwin's absolute paths start with; default /Library/QuickTimeStreaming/Movies/") String mediaFolder,
        @Schema(required = true, description = "the *PLAY-LIST* text") String playlist,
        @Schema(nullable = true, description = "its name in messages (news.ply:3: ...); default <name>.ply") String playlistFileName,
        @Schema(nullable = true, description = "the .config text") String config,
        @Schema(nullable = true, description = "its name in messages; default <name>.config") String configFileName,
        @Schema(nullable = true, description = "included playlists' texts by the name the + lines give") Map<String, String> includes) {
}
