package org.tributary.mp3http;

import org.tributary.rtsp.RtspRequest;
import org.tributary.rtsp.RtspUri;

import java.util.Locale;

/**
 * An HTTP request for an MP3 file, checked: GET or HEAD (else 405), HTTP/1.0 or 1.1 (else 400), a
 * Request-URI with a path (else 400) naming an {@code .mp3} file (else 415).
 *
 * @param head          HEAD: headers only
 * @param path          the decoded path relative to the media root, without leading slash
 * @param wantsMetadata the player sent {@code Icy-MetaData: 1}
 * @param userAgent     the User-Agent, or null
 * @param authorization the Authorization header, or null
 * @param range         the Range header, or null
 */
public record Mp3HttpRequest(boolean head, String path, boolean wantsMetadata, String userAgent,
                             String authorization, String range) {

    /** The methods answered: the Allow header of a 405 (PUT and SOURCE are an Icecast source's). */
    static final String ALLOWED_METHODS = "GET, HEAD, PUT, SOURCE";

    static Mp3HttpRequest parse(RtspRequest request) throws HttpRefusal {
        Mp3HttpRequest read = read(request);
        read.requireMp3File(request.uri());
        return read;
    }

    /** The request checked except for what its path names (a station's mount is no file). */
    static Mp3HttpRequest read(RtspRequest request) throws HttpRefusal {
        String method = request.methodToken();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw HttpRefusal.methodNotAllowed(method + " is not allowed on an MP3 file; use GET or HEAD");
        }
        if (!request.version().equals("HTTP/1.0") && !request.version().equals("HTTP/1.1")) {
            throw HttpRefusal.badRequest("unsupported protocol version " + request.version());
        }
        String path;
        try {
            path = RtspUri.httpPath(request.uri());
        } catch (IllegalArgumentException e) {
            throw HttpRefusal.badRequest(e.getMessage());
        }
        String icy = request.header("Icy-MetaData");
        return new Mp3HttpRequest(method.equals("HEAD"), path, icy != null && icy.trim().equals("1"),
                request.header("User-Agent"), request.header("Authorization"), request.header("Range"));
    }

    /** 404 when the path names no file, 415 when it names something other than an {@code .mp3} file. */
    void requireMp3File(String uri) throws HttpRefusal {
        String named = path.replaceAll("/+$", ""); // "song.mp3/" names song.mp3, as its canonical path says
        boolean mp3 = named.toLowerCase(Locale.ROOT).endsWith(".mp3");
        if (named.isEmpty() || !mp3 && named.length() < path.length()) {
            throw HttpRefusal.notFound("no file named in '" + printable(uri) + "'");
        }
        if (!mp3) {
            throw HttpRefusal.unsupportedMediaType("only .mp3 files are served over HTTP; play '" + printable(path)
                    + "' with rtsp://");
        }
    }

    /** The same request for another spelling of its path (the catalogue's canonical one). */
    Mp3HttpRequest at(String canonicalPath) {
        return new Mp3HttpRequest(head, canonicalPath, wantsMetadata, userAgent, authorization, range);
    }

    static String printable(String s) {
        String p = s.replaceAll("[^\\x20-\\x7e]", "?");
        return p.length() > 200 ? p.substring(0, 200) + "..." : p;
    }
}
