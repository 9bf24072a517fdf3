package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /api/console-accounts/{name}}: what is left out stays. */
@Schema(description = "A console account's new role or password")
@JsonbPropertyOrder({"role", "password"})
public record ConsoleAccountChange(
        @Schema(enumeration = {"viewer", "operator", "admin"}) String role,
        String password) {
}
