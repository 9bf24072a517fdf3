package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A broadcaster account ({@code /api/broadcasters}); also the body of its POST. */
@Schema(description = "A streaming user allowed to publish under the given paths")
@JsonbPropertyOrder({"user", "paths"})
public record Broadcaster(@Schema(required = true) String user, @Schema(required = true) List<String> paths) {
}
