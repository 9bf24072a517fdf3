package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /api/users/{name}}. */
@Schema(description = "A streaming user's new password, and realm if it changes")
@JsonbPropertyOrder({"realm", "password"})
public record UserChange(@Schema(description = "kept when left out") String realm, @Schema(required = true) String password) {
}
