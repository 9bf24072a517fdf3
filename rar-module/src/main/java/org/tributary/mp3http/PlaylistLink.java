package org.tributary.mp3http;

import org.tributary.rtsp.RtspRequest;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code GET <mount>.m3u} or {@code <mount>.pls}: a one-entry playlist pointing a player at the http URL of a
 * station or an MP3 file, on the host and port the request came to (its Host header, else the socket's).
 *
 * @param target the path the playlist points at (without the .m3u or .pls)
 * @param pls    a PLS playlist, else M3U
 */
record PlaylistLink(String target, boolean pls) {

    /** The link a request path asks for, or null when it names no playlist. */
    static PlaylistLink of(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        boolean m3u = lower.endsWith(".m3u");
        boolean pls = lower.endsWith(".pls");
        if (!m3u && !pls || path.length() == 4) {
            return null;
        }
        return new PlaylistLink(path.substring(0, path.length() - 4), pls);
    }

    String contentType() {
        return pls ? "audio/x-scpls" : "audio/x-mpegurl";
    }

    /** The playlist for {@code canonicalPath}, titled {@code title}. */
    byte[] body(String canonicalPath, String title, RtspRequest request, InetSocketAddress local) {
        String url = url(canonicalPath, request.header("Host"), local);
        String text = pls ? "[playlist]\r\nNumberOfEntries=1\r\nFile1=" + url + "\r\nTitle1="
                + Mp3HttpService.headerText(title) + "\r\nLength1=-1\r\nVersion=2\r\n" : url + "\r\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static String url(String canonicalPath, String host, InetSocketAddress local) {
        String authority = host == null || host.isBlank() || !host.trim().matches("[A-Za-z0-9.:\\[\\]-]+")
                ? hostPort(local) : host.trim();
        try {
            return new URI("http", authority, "/" + canonicalPath, null, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("no URL for " + canonicalPath + " at " + authority, e);
        }
    }

    private static String hostPort(InetSocketAddress local) {
        String address = local.getAddress().getHostAddress();
        return (address.contains(":") ? "[" + address + "]" : address) + ":" + local.getPort();
    }
}
