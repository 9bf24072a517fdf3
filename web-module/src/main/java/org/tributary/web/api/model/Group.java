package org.tributary.web.api.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A group of streaming users ({@code /api/groups}); also the body of its POST. */
@Schema(description = "A group of streaming users")
public record Group(@Schema(required = true) String name, @Schema(required = true) List<String> members) {
}
