package org.tributary.api.playlist;

import java.io.Serializable;
import java.util.List;

/**
 * The items of a channel in list order, includes and folders already expanded. The same path may appear
 * more than once.
 */
public record Playlist(List<PlaylistItem> items) implements Serializable {

    public Playlist {
        items = List.copyOf(items); // also refuses null items
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a playlist needs at least one item");
        }
    }

    public static Playlist of(PlaylistItem... items) {
        return new Playlist(List.of(items));
    }

    public int size() {
        return items.size();
    }
}
