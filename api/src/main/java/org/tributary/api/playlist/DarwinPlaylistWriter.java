package org.tributary.api.playlist;

/**
 * Writes a playlist as {@code *PLAY-LIST*} text (for Darwin's {@code .upcoming} file or an export):
 * one item a line, quoted when the path has blanks or starts like a comment or an include, the weight
 * after it unless it is the default 10. {@link DarwinPlaylistParser} reads the text back to the same
 * playlist when the paths are absolute or the text is read at the top of the tree (a name without a
 * folder), since the parser resolves relative paths against the playlist's folder.
 */
public final class DarwinPlaylistWriter {

    private DarwinPlaylistWriter() {
    }

    public static String write(Playlist playlist) {
        StringBuilder out = new StringBuilder(DarwinPlaylistParser.HEADER).append('\n');
        for (PlaylistItem item : playlist.items()) {
            String path = item.path();
            boolean quote = DarwinText.indexOfBlank(path) >= 0 || path.startsWith("#") || path.startsWith("+");
            out.append(quote ? "\"" + path + "\"" : path);
            if (item.weight() != PlaylistItem.DEFAULT_WEIGHT) {
                out.append(' ').append(item.weight());
            }
            out.append('\n');
        }
        return out.toString();
    }
}
