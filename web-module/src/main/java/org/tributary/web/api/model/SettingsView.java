package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** {@code GET /api/settings}. */
@Schema(description = "The settings in force, the run's defaults, the stored fields and those waiting for a restart")
@JsonbPropertyOrder({"settings", "defaults", "stored", "pendingRestart"})
public record SettingsView(
        @Schema(required = true, ref = SettingsMap.SCHEMA) Map<String, Object> settings,
        @Schema(required = true, ref = SettingsMap.SCHEMA) Map<String, Object> defaults,
        @Schema(required = true) List<String> stored,
        @Schema(required = true) List<String> pendingRestart) {
}
