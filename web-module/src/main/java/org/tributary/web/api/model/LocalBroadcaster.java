package org.tributary.web.api.model;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tributary.api.LocalBroadcasterInfo;

import java.util.List;

/** A local broadcaster ({@code /api/local-broadcasters}). */
@JsonbNillable
@Schema(description = "A command the server runs to publish a live path")
@JsonbPropertyOrder({
        "name", "path", "mode", "command", "state", "pid", "restarts", "lastExitCode", "lastExitAt", "viewers",
        "lingerSeconds", "startTimeoutSeconds"})
public record LocalBroadcaster(
        @Schema(required = true) String name,
        @Schema(required = true) String path,
        @Schema(required = true) String mode,
        @Schema(required = true) List<String> command,
        @Schema(required = true) String state,
        @Schema(required = true, nullable = true, description = "null when not running") Long pid,
        @Schema(required = true) long restarts,
        @Schema(required = true, nullable = true) Integer lastExitCode,
        @Schema(required = true, nullable = true, format = "date-time") String lastExitAt,
        @Schema(required = true) int viewers,
        @Schema(required = true) int lingerSeconds,
        @Schema(required = true) int startTimeoutSeconds) {

    public static LocalBroadcaster of(LocalBroadcasterInfo b) {
        return new LocalBroadcaster(b.name(), b.path(), b.mode(), List.copyOf(b.command()), b.state(),
                b.pid() < 0 ? null : b.pid(), b.restarts(), b.lastExitCode(),
                b.lastExitAt() == null ? null : b.lastExitAt().toString(), b.viewers(), b.lingerSeconds(),
                b.startTimeoutSeconds());
    }
}
