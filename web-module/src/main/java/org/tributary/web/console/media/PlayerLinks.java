package org.tributary.web.console.media;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The URLs the console player shows for one media file: the tokenised HLS playlist, the rtsp:// URL and an
 * embed snippet (an {@code <iframe>} of the standalone player page) an intranet page can paste. A live path
 * plugs in later by building the same links from its mount point.
 *
 * @param origin      scheme, host and port of the console, e.g. {@code https://media.example:8443}
 * @param contextRoot the web module's context root, e.g. {@code /tributary}
 * @param rtspHost    the host players reach the RTSP port on
 * @param rtspPort    the RTSP port
 */
public record PlayerLinks(String origin, String contextRoot, String rtspHost, int rtspPort) {

    public PlayerLinks {
        if (rtspPort < 1 || rtspPort > 65535) {
            throw new IllegalArgumentException("RTSP port " + rtspPort + " is outside 1-65535");
        }
    }

    /** The playlist URL that lets a browser play {@code path} while {@code token} is valid. */
    public String hlsUrl(String path, String token) {
        return origin + contextRoot + "/hls/" + encodedPath(path) + "/index.m3u8?token=" + query(token);
    }

    public String rtspUrl(String path) {
        return "rtsp://" + rtspHost + ":" + rtspPort + "/" + encodedPath(path);
    }

    /** The standalone player page for {@code path}: not behind the console login, it plays what the token allows. */
    public String playerPageUrl(String path, String token) {
        return origin + contextRoot + "/player.html?path=" + query(path) + "&token=" + query(token);
    }

    /** An {@code <iframe>} of the player page, attribute-escaped so it can be pasted into HTML as is. */
    public String embedSnippet(String path, String token) {
        return "<iframe src=\"" + htmlAttribute(playerPageUrl(path, token))
                + "\" width=\"640\" height=\"360\" allow=\"fullscreen\" style=\"border:0\"></iframe>";
    }

    /** Each segment of a media path percent-encoded for a URL path. */
    static String encodedPath(String path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path.split("/")) {
            if (!out.isEmpty()) {
                out.append('/');
            }
            out.append(query(segment));
        }
        return out.toString();
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String htmlAttribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
