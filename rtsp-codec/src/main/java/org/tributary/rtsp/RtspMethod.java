package org.tributary.rtsp;

import java.util.Locale;

/** The methods of RFC 2326 §10, plus the HTTP verbs that open an RTSP-over-HTTP tunnel. */
public enum RtspMethod {
    OPTIONS, DESCRIBE, ANNOUNCE, SETUP, PLAY, PAUSE, TEARDOWN, GET_PARAMETER, SET_PARAMETER, REDIRECT, RECORD,
    /** Not RTSP: an HTTP request on the RTSP port (tunnel halves or a confused client). */
    GET, POST,
    /** Anything else; answered with 501. */
    UNKNOWN;

    public static RtspMethod of(String token) {
        try {
            return valueOf(token.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
