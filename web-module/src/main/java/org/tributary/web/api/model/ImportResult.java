package org.tributary.web.api.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a Darwin import stored. */
@Schema(description = "How many users, groups and rules an import stored")
public record ImportResult(@Schema(required = true) int users, @Schema(required = true) int groups,
                           @Schema(required = true) int rules) {
}
