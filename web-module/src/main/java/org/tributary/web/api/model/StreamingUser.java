package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A streaming user ({@code /api/users}): never a hash, only which Digest algorithms it can log in with. */
@Schema(name = "User", description = "A streaming user")
@JsonbPropertyOrder({"name", "realm", "digestMd5", "digestSha256", "groups"})
public record StreamingUser(
        @Schema(required = true) String name,
        @Schema(required = true) String realm,
        @Schema(required = true, description = "can answer Digest MD5") boolean digestMd5,
        @Schema(required = true, description = "can answer Digest SHA-256") boolean digestSha256,
        @Schema(required = true) List<String> groups) {
}
