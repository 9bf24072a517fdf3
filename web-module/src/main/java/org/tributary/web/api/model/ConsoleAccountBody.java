package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tributary.ejb.console.ConsoleAccount;

/** A console account ({@code /api/console-accounts}). */
@Schema(name = "ConsoleAccount", description = "Who may use the console and the API, with which role")
@JsonbPropertyOrder({"name", "role", "createdAt"})
public record ConsoleAccountBody(
        @Schema(required = true) String name,
        @Schema(required = true, enumeration = {"viewer", "operator", "admin"}) String role,
        @Schema(required = true, format = "date-time") String createdAt) {

    public static ConsoleAccountBody of(ConsoleAccount a) {
        return new ConsoleAccountBody(a.getName(), a.getRole().roleName(), a.getCreatedAt().toString());
    }
}
