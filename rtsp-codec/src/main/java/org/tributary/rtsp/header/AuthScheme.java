package org.tributary.rtsp.header;

import java.util.Locale;

/** HTTP authentication schemes Tributary understands (RFC 7617 Basic, RFC 7616 Digest). */
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
