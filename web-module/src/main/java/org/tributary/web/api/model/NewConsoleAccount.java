package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/console-accounts}. */
@Schema(description = "A new console account")
@JsonbPropertyOrder({"name", "role", "password"})
public record NewConsoleAccount(
        @Schema(required = true) String name,
        @Schema(required = true, enumeration = {"viewer", "operator", "admin"}) String role,
        @Schema(required = true) String password) {
}
