package org.tributary.rtsp.header;

import java.util.Locale;

/**
 * How a client proves who it is: HTTP Basic (RFC 7617) or Digest (RFC 7616). The one list of them: headers,
 * access rules, decisions and settings use it.
 */
public enum AuthScheme {
    BASIC("Basic"),
    DIGEST("Digest");

    private final String token;

    AuthScheme(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    static AuthScheme parse(String header, String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "basic":
                return BASIC;
            case "digest":
                return DIGEST;
            default:
                throw new HeaderParseException(header, "unsupported scheme '" + text + "'");
        }
    }
}
