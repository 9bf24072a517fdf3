package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The body of {@code POST /api/rules} and {@code PUT /api/rules/{id}}. */
@Schema(description = "A folder's rule; read defaults to anyone, write to nobody")
@JsonbPropertyOrder({"path", "realm", "scheme", "read", "write", "allowFrom", "denyFrom", "note"})
public record RuleInput(
        @Schema(required = true) String path,
        String realm,
        @Schema(enumeration = {"", "basic", "digest"}) String scheme,
        RulePermission read,
        RulePermission write,
        List<String> allowFrom,
        List<String> denyFrom,
        String note) {
}
