package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a Darwin import stored. */
@Schema(description = "How many users, groups and rules an import stored")
@JsonbPropertyOrder({"users", "groups", "rules"})
public record ImportResult(@Schema(required = true) int users, @Schema(required = true) int groups,
                           @Schema(required = true) int rules) {
}
