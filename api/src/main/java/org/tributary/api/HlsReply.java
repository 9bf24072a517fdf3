package org.tributary.api;

import java.io.Serializable;

/**
 * One HLS resource of a file (a playlist, the init segment or a media segment), or why there is none.
 *
 * @param status      200, or the HTTP status of the refusal: 400 (bad name), 403, 404 (no such file or
 *                    resource), 415 (the file cannot be played as HLS: the message names the codec), 503 (off)
 * @param contentType the body's media type; "text/plain; charset=UTF-8" for a refusal
 * @param body        the resource's bytes, or the refusal's message in UTF-8
 * @param allowOrigin the Access-Control-Allow-Origin to answer with, or null for none (the HLS CORS setting)
 */
public record HlsReply(int status, String contentType, byte[] body, String allowOrigin) implements Serializable {

    /** An answer without CORS. */
    public HlsReply(int status, String contentType, byte[] body) {
        this(status, contentType, body, null);
    }

    public HlsReply withAllowOrigin(String origin) {
        return new HlsReply(status, contentType, body, origin);
    }

    public static final String PLAYLIST_TYPE = "application/vnd.apple.mpegurl";
    public static final String INIT_TYPE = "video/mp4";
    public static final String SEGMENT_TYPE = "video/iso.segment";

    public static HlsReply refused(int status, String message) {
        return new HlsReply(status, "text/plain; charset=UTF-8",
                (message + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public boolean ok() {
        return status == 200;
    }
}
