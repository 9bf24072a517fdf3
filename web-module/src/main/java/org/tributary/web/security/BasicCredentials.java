package org.tributary.web.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The user and password of an {@code Authorization: Basic ...} header (RFC 7617, UTF-8).
 *
 * @param user     the user name (before the first ':')
 * @param password the password (after it; may contain ':')
 */
public record BasicCredentials(String user, String password) {

    /** The credentials of a header value; empty when the header is absent, not Basic or malformed. */
    public static Optional<BasicCredentials> parse(String header) {
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }
}
