package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A group of streaming users ({@code /api/groups}); also the body of its POST. */
@Schema(description = "A group of streaming users")
@JsonbPropertyOrder({"name", "members"})
public record Group(@Schema(required = true) String name, @Schema(required = true) List<String> members) {
}
