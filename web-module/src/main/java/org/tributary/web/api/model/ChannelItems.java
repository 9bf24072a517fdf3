package org.tributary.web.api.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The body of {@code POST /api/channels/{name}/insert} and {@code PUT /api/channels/{name}/items}. */
@Schema(description = "Playlist items, in order")
public record ChannelItems(@Schema(required = true) List<ChannelItem> items) {
}
