package org.tributary.api.access;

import org.tributary.rtsp.header.AuthScheme;

import java.io.Serializable;
import java.util.Objects;

/**
 * What a client sent in its {@code Authorization} header, parsed. For Basic only {@code user} and
 * {@code password} are set; for Digest every field the server needs to recompute the response
 * (RFC 7616 §3.4.1), plus the request method. {@link #toString()} never shows the password or the response.
 *
 * @param scheme    Basic or Digest
 * @param user      the claimed user name
 * @param password  the Basic password (null for Digest)
 * @param realm     Digest realm echoed from the challenge
 * @param nonce     Digest server nonce
 * @param uri       Digest request URI the client hashed
 * @param response  Digest response (hex)
 * @param algorithm Digest algorithm token ("MD5", "SHA-256", ...)
 * @param qop       Digest qop ("auth") or null
 * @param nc        Digest nonce count as sent (8 hex digits) or null
 * @param cnonce    Digest client nonce or null
 * @param method    the request method (DESCRIBE, SETUP, ...) that Digest hashes
 */
public record Credentials(AuthScheme scheme, String user, String password, String realm, String nonce, String uri,
                          String response, String algorithm, String qop, String nc, String cnonce,
                          String method) implements Serializable {

    public Credentials {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(user, "user");
    }

    public static Credentials basic(String user, String password) {
        return new Credentials(AuthScheme.BASIC, user, Objects.requireNonNull(password, "password"),
                null, null, null, null, null, null, null, null, null);
    }

    @Override
    public String toString() {
        return scheme + " credentials of '" + user + "'" + (realm == null ? "" : " for realm '" + realm + "'");
    }
}
