package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A page of the session history ({@code GET /api/logs/sessions}). */
@Schema(description = "A page of the session history, newest first")
@JsonbPropertyOrder({"total", "page", "size", "items"})
public record HistoryPage(
        @Schema(required = true, description = "how many entries match the filter") long total,
        @Schema(required = true) int page,
        @Schema(required = true) int size,
        @Schema(required = true) List<HistoryEntry> items) {
}
