package org.tributary.api.playlist;

import java.io.Serializable;

/**
 * One movie or song of a playlist.
 *
 * @param path   the file, as the playlist names it (resolved against the playlist's folder by the parser); no
 *               control characters and no double quote, which the {@code *PLAY-LIST*} format cannot escape
 * @param weight {@value #MIN_WEIGHT} to {@value #MAX_WEIGHT}; only weighted random play looks at it
 */
public record PlaylistItem(String path, int weight) implements Serializable {

    public static final int MIN_WEIGHT = 1;
    public static final int MAX_WEIGHT = 10;
    /** Darwin's weight for a line that gives none. */
    public static final int DEFAULT_WEIGHT = MAX_WEIGHT;

    public PlaylistItem {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("empty path");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("control character in path");
            }
            if (c == '"') {
                throw new IllegalArgumentException("double quote in path '" + path + "' (a playlist cannot escape it)");
            }
        }
        if (weight < MIN_WEIGHT || weight > MAX_WEIGHT) {
            throw new IllegalArgumentException("weight must be " + MIN_WEIGHT + " to " + MAX_WEIGHT + ", not " + weight);
        }
    }

    /** An item with the default weight. */
    public static PlaylistItem of(String path) {
        return new PlaylistItem(path, DEFAULT_WEIGHT);
    }
}
