package org.tributary.rtsp.header;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/** {@code Authorization: Basic base64(user:password)} (RFC 7617); user names cannot contain ':'. */
public record BasicAuthorization(String username, String password) implements Authorization {

    public BasicAuthorization {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a Basic user name cannot contain ':'");
        }
    }

    static BasicAuthorization parseCredentials(String token68) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(token68.trim());
        } catch (IllegalArgumentException e) {
            throw new HeaderParseException(HEADER, "invalid base64 credentials '" + token68 + "'");
        }
        String userPass = new String(decoded, StandardCharsets.UTF_8);
        int colon = userPass.indexOf(':');
        if (colon < 0) {
            throw new HeaderParseException(HEADER, "Basic credentials without ':'");
        }
        return new BasicAuthorization(userPass.substring(0, colon), userPass.substring(colon + 1));
    }

    @Override
    public AuthScheme scheme() {
        return AuthScheme.BASIC;
    }

    @Override
    public String format() {
        byte[] userPass = (username + ":" + password).getBytes(StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(userPass);
    }

    /** Hides the password. */
    @Override
    public String toString() {
        return "BasicAuthorization[username=" + username + ", password=***]";
    }
}
