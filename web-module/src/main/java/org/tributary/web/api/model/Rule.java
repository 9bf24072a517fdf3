package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tributary.ejb.access.AccessRule;

import java.util.List;
import java.util.Locale;

/** A folder rule ({@code /api/rules}). */
@Schema(description = "The access rule of a folder (a qtaccess)")
@JsonbPropertyOrder({"id", "path", "realm", "scheme", "read", "write", "allowFrom", "denyFrom", "note"})
public record Rule(
        @Schema(required = true) long id,
        @Schema(required = true, description = "the folder under the media root") String path,
        @Schema(required = true, description = "empty: the server's") String realm,
        @Schema(required = true, enumeration = {"", "basic", "digest"}, description = "empty: the server's") String scheme,
        @Schema(required = true) RulePermission read,
        @Schema(required = true) RulePermission write,
        @Schema(required = true, description = "address blocks like 10.0.0.0/8") List<String> allowFrom,
        @Schema(required = true) List<String> denyFrom,
        @Schema(required = true) String note) {

    public static Rule of(AccessRule r) {
        return new Rule(r.getId(), r.getPathPrefix(), r.getRealm() == null ? "" : r.getRealm(),
                r.getScheme() == null ? "" : r.getScheme().name().toLowerCase(Locale.ROOT),
                RulePermission.of(r.getRead()), RulePermission.of(r.getWrite()), List.copyOf(r.getAllowFrom()),
                List.copyOf(r.getDenyFrom()), r.getNote() == null ? "" : r.getNote());
    }
}
