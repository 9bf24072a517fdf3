package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /api/relays/{name}}: a relay's definition. */
@Schema(description = "A relay's definition: pull a stream from another server to a path here, or push one there")
@JsonbPropertyOrder({"name", "direction", "path", "url", "user", "password", "transport", "onDemand", "lingerSeconds",
        "enabled"})
public record RelayInput(
        @Schema(description = "if given, the relay's own name (the path's)") String name,
        @Schema(required = true, enumeration = {"pull", "push"}) String direction,
        @Schema(required = true, description = "the path on this server, under the media root: live/camera1.sdp") String path,
        @Schema(required = true, description = "rtsp:// or rtsps://host[:port]/path, without user:password@") String url,
        @Schema(nullable = true, description = "the user given to the other server") String user,
        @Schema(nullable = true, description = "its password; left out or null keeps the stored one, \"\" removes it") String password,
        @Schema(enumeration = {"tcp", "udp"}, description = "default tcp") String transport,
        @Schema(description = "pull only: connected while someone watches; default false") Boolean onDemand,
        @Schema(minimum = "0", maximum = "3600", description = "seconds an on-demand relay stays connected with no viewer; default 30") Integer lingerSeconds,
        @Schema(description = "default true") Boolean enabled) {
}
