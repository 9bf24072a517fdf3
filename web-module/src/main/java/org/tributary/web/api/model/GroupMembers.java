package org.tributary.web.api.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The body of {@code PUT /api/groups/{name}}. */
@Schema(description = "A group's new members")
public record GroupMembers(@Schema(description = "none when left out") List<String> members) {
}
