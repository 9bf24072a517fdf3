package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An entry of the error log ({@code GET /api/logs/errors}). */
@Schema(description = "An entry of tributary-error.log")
@JsonbPropertyOrder({"time", "level", "message"})
public record ErrorLogEntry(
        @Schema(required = true) String time,
        @Schema(required = true) String level,
        @Schema(required = true) String message) {
}
