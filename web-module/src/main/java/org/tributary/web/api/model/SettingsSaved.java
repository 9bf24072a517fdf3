package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** The answer to {@code PUT} and {@code DELETE /api/settings}. */
@Schema(description = "The settings now, the fields that took effect at once and those that wait for a restart")
@JsonbPropertyOrder({"settings", "appliedLive", "needRestart"})
public record SettingsSaved(
        @Schema(required = true, ref = SettingsMap.SCHEMA) Map<String, Object> settings,
        @Schema(required = true) List<String> appliedLive,
        @Schema(required = true) List<String> needRestart) {
}
