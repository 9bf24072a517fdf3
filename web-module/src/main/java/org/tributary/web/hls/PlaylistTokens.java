package org.tributary.web.hls;

import org.tributary.api.access.MediaPaths;

/**
 * Carries a token on in a playlist: every URI line and every {@code URI="..."} attribute gets
 * {@code ?token=...}, so a player given a tokenized playlist URL fetches the rest with it. The adapter's
 * playlists use plain relative names (no query of their own).
 */
public final class PlaylistTokens {

    private PlaylistTokens() {
    }

    public static String carry(String playlist, String token) {
        String query = "?token=" + MediaPaths.urlComponent(token);
        StringBuilder out = new StringBuilder(playlist.length() + 64);
        for (String line : playlist.split("\n", -1)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                out.append(line).append(query);
            } else {
                int uri = line.indexOf("URI=\"");
                int end = uri < 0 ? -1 : line.indexOf('"', uri + 5);
                out.append(end < 0 ? line : line.substring(0, end) + query + line.substring(end));
            }
            out.append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }
}
