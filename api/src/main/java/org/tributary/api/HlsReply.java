package org.tributary.api;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One HLS resource of a file (a playlist, the init segment or a media segment), or why there is none.
 *
 * @param status       200, or the HTTP status of the refusal: 400 (bad path), 401 (credentials needed, see
 *                     {@code authenticate}), 403 (refused, or a token expired or not for this path), 404 (no such
 *                     file or resource), 415 (the file cannot be played as HLS: the message names the codec),
 *                     500 (the file cannot be read), 503 (the access decision could not be made)
 * @param contentType  the body's media type; "text/plain; charset=UTF-8" for a refusal
 * @param body         the resource's bytes, or the refusal's message in UTF-8
 * @param allowOrigin  the Access-Control-Allow-Origin to answer with, or null for none (the HLS CORS setting)
 * @param authenticate the WWW-Authenticate values of a 401, empty otherwise
 * @param live         the resource belongs to a live stream: its playlist changes every segment and its init
 *                     segment with the publisher, so caches must not keep them
 */
public record HlsReply(int status, String contentType, byte[] body, String allowOrigin, List<String> authenticate,
                       boolean live)
        implements Serializable {

    public static final String PLAYLIST_TYPE = "application/vnd.apple.mpegurl";
    public static final String INIT_TYPE = "video/mp4";
    public static final String SEGMENT_TYPE = "video/iso.segment";

    public HlsReply {
        authenticate = authenticate == null ? List.of() : List.copyOf(authenticate);
    }

    /** A resource, without CORS. */
    public static HlsReply of(String contentType, byte[] body) {
        return new HlsReply(200, contentType, body, null, List.of(), false);
    }

    /** A resource of a live stream, without CORS. */
    public static HlsReply live(String contentType, byte[] body) {
        return new HlsReply(200, contentType, body, null, List.of(), true);
    }

    public static HlsReply refused(int status, String message) {
        return refused(status, message, List.of());
    }

    public static HlsReply refused(int status, String message, List<String> authenticate) {
        return new HlsReply(status, "text/plain; charset=UTF-8", (message + "\n").getBytes(StandardCharsets.UTF_8),
                null, authenticate, false);
    }

    public HlsReply withAllowOrigin(String origin) {
        return new HlsReply(status, contentType, body, origin, authenticate, live);
    }

    public boolean ok() {
        return status == 200;
    }
}
