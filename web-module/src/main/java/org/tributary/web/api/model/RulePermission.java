package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tributary.ejb.access.Permission;

import java.util.List;
import java.util.Locale;

/** Who may read or write under a rule's folder. */
@Schema(description = "Who may read (play) or write (publish)")
@JsonbPropertyOrder({"audience", "users", "groups"})
public record RulePermission(
        @Schema(required = true, enumeration = {"anyone", "any-user", "listed", "nobody"}) String audience,
        @Schema(description = "listed users (always present in answers)") List<String> users,
        @Schema(description = "listed groups (always present in answers)") List<String> groups) {

    public static RulePermission of(Permission p) {
        return new RulePermission(p.getAudience().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                List.copyOf(p.getUsers()), List.copyOf(p.getGroups()));
    }
}
