package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/hls/tokens}. */
@Schema(description = "The file a token is for, and for how long")
@JsonbPropertyOrder({"path", "seconds"})
public record HlsTokenRequest(
        @Schema(required = true, description = "the file's path in the media folder") String path,
        @Schema(description = "the token's lifetime in seconds; an hour when left out") Long seconds) {
}
