package org.tributary.web.api.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The body of {@code PUT /api/broadcasters/{user}}. */
@Schema(description = "The paths a broadcaster may publish to")
public record BroadcasterPaths(@Schema(required = true) List<String> paths) {
}
