package org.tributary.api.playlist;

/**
 * Bounds on what the parsers accept from a playlist or config file; each one exceeded is a
 * {@code file:line} error, never a silent truncation.
 *
 * @param maxItems        items in one playlist after includes and folders are expanded
 * @param maxIncludeDepth how deep {@code +} includes may nest below the top playlist
 * @param maxLineLength   characters in one line, without its line break
 */
public record PlaylistLimits(int maxItems, int maxIncludeDepth, int maxLineLength) {

    /** 10,000 items, includes 8 deep, lines of 4,096 characters. */
    public static final PlaylistLimits DEFAULTS = new PlaylistLimits(10_000, 8, 4096);

    public PlaylistLimits {
        if (maxItems < 1 || maxIncludeDepth < 0 || maxLineLength < 16) {
            throw new IllegalArgumentException("limits need at least 1 item, depth 0 and lines of 16 characters");
        }
    }
}
