package org.tributary.web.console.media;

import org.tributary.api.access.MediaPaths;

/**
 * The URLs the console player shows for one media file besides its rtsp:// URL: the HLS playlist (with a
 * token or without), the standalone player page and an embed snippet (an {@code <iframe>} of that page) an
 * intranet page can paste. A live path plugs in later by building the same links from its mount point.
 *
 * @param origin      scheme, host and port of the console, e.g. {@code https://media.example:8443}
 * @param contextRoot the web module's context root, e.g. {@code /tributary}
 */
public record PlayerLinks(String origin, String contextRoot) {

    /**
     * The playlist URL that lets a browser play {@code path} while {@code token} is valid; without a token
     * ({@code null}) the folder's rules decide, as for RTSP.
     */
    public String hlsUrl(String path, String token) {
        return origin + contextRoot + "/hls/" + MediaPaths.urlPath(path) + "/index.m3u8" + (token == null ? "" : "?token=" + MediaPaths.urlComponent(token));
    }

    /** The standalone player page for {@code path}: not behind the console login, it plays what the token allows. */
    public String playerPageUrl(String path, String token) {
        return origin + contextRoot + "/player.html?path=" + MediaPaths.urlComponent(path) + (token == null ? "" : "&token=" + MediaPaths.urlComponent(token));
    }

    /** An {@code <iframe>} of the player page, attribute-escaped so it can be pasted into HTML as is. */
    public String embedSnippet(String path, String token) {
        return "<iframe src=\"" + htmlAttribute(playerPageUrl(path, token))
                + "\" width=\"640\" height=\"360\" allow=\"fullscreen\" style=\"border:0\"></iframe>";
    }

    private static String htmlAttribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
