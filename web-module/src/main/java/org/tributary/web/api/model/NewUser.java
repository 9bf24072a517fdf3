package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/users}. */
@Schema(description = "A new streaming user")
@JsonbPropertyOrder({"name", "realm", "password"})
public record NewUser(
        @Schema(required = true) String name,
        @Schema(description = "the Digest realm; the server's when left out") String realm,
        @Schema(required = true) String password) {
}
