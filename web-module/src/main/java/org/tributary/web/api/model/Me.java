package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** {@code GET /api/me}: the logged-in console account. */
@Schema(description = "The logged-in console account and the roles it has (admin includes operator and viewer)")
@JsonbPropertyOrder({"name", "roles"})
public record Me(
        @Schema(required = true) String name,
        @Schema(required = true, description = "admin, operator, viewer") List<String> roles) {
}
