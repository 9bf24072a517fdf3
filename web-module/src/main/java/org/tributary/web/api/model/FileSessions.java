package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A file of a statistics sample's top list. */
@Schema(description = "A file and how many sessions play it")
@JsonbPropertyOrder({"path", "sessions"})
public record FileSessions(@Schema(required = true) String path, @Schema(required = true) int sessions) {
}
