package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A minted HLS token ({@code POST /api/hls/tokens}). */
@Schema(name = "HlsToken", description = "A signed token that lets a player fetch one file over HLS until it expires")
@JsonbPropertyOrder({"path", "token", "expiresAt", "url"})
public record HlsTokenBody(
        @Schema(required = true) String path,
        @Schema(required = true) String token,
        @Schema(required = true, format = "date-time") String expiresAt,
        @Schema(required = true, description = "the playlist's URL path with the token") String url) {
}
