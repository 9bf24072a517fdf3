package org.tributary.loadtool.rtsp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Answers 401 challenges with the URL's credentials: Digest (MD5, with or without qop=auth;
 * RFC 2617 section 3.2.2) in preference to Basic. Once challenged, every later request carries an
 * Authorization header. One instance per connection; not thread-safe.
 */
public final class RtspAuthenticator {
    private final String user;
    private final String password;
    private AuthChallenge challenge;
    private int nonceCount;
    private String cnonceOverride;

    public RtspAuthenticator(String user, String password) {
        this.user = user;
        this.password = password == null ? "" : password;
    }

    public boolean hasCredentials() {
        return user != null;
    }

    /**
     * Takes the challenges of a 401 response.
     *
     * @return true if a new attempt is worthwhile (credentials and a usable scheme, and not a
     *         repeat rejection of the same nonce unless the server marked it stale)
     */
    public boolean onChallenge(List<String> wwwAuthenticate) {
        if (user == null) {
            return false;
        }
        AuthChallenge basic = null;
        AuthChallenge digest = null;
        for (String header : wwwAuthenticate) {
            AuthChallenge c = AuthChallenge.parse(header);
            String algorithm = c.param("algorithm");
            if (c.isDigest() && (algorithm == null || algorithm.equalsIgnoreCase("MD5"))) {
                digest = c;
            } else if (c.isBasic()) {
                basic = c;
            }
        }
        AuthChallenge chosen = digest != null ? digest : basic;
        if (chosen == null) {
            return false;
        }
        boolean repeat = challenge != null && chosen.scheme().equalsIgnoreCase(challenge.scheme())
                && (chosen.isBasic() || (equalsOrNull(chosen.param("nonce"), challenge.param("nonce"))
                && !"true".equalsIgnoreCase(chosen.param("stale"))));
        challenge = chosen;
        nonceCount = 0;
        return !repeat;
    }

    private static boolean equalsOrNull(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    /** The Authorization header value for a request, or null before any challenge. */
    public String authorization(String method, String uri) {
        if (challenge == null) {
            return null;
        }
        if (challenge.isBasic()) {
            String token = user + ":" + password;
            return "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
        }
        String realm = nullToEmpty(challenge.param("realm"));
        String nonce = nullToEmpty(challenge.param("nonce"));
        String ha1 = md5Hex(user + ":" + realm + ":" + password);
        String ha2 = md5Hex(method + ":" + uri);
        StringBuilder header = new StringBuilder("Digest username=\"").append(user)
                .append("\", realm=\"").append(realm)
                .append("\", nonce=\"").append(nonce)
                .append("\", uri=\"").append(uri).append('"');
        String qop = chooseQop(challenge.param("qop"));
        if (qop != null) {
            nonceCount++;
            String nc = String.format(Locale.ROOT, "%08x", nonceCount);
            String cnonce = cnonceOverride != null ? cnonceOverride
                    : HexFormat.of().formatHex(longBytes(ThreadLocalRandom.current().nextLong()));
            String response = md5Hex(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
            header.append(", qop=").append(qop).append(", nc=").append(nc)
                    .append(", cnonce=\"").append(cnonce).append("\", response=\"").append(response).append('"');
        } else {
            header.append(", response=\"").append(md5Hex(ha1 + ":" + nonce + ":" + ha2)).append('"');
        }
        String algorithm = challenge.param("algorithm");
        if (algorithm != null) {
            header.append(", algorithm=").append(algorithm);
        }
        String opaque = challenge.param("opaque");
        if (opaque != null) {
            header.append(", opaque=\"").append(opaque).append('"');
        }
        return header.toString();
    }

    private static String chooseQop(String offered) {
        if (offered == null) {
            return null;
        }
        for (String option : offered.split(",")) {
            if (option.trim().equalsIgnoreCase("auth")) {
                return "auth";
            }
        }
        return null;
    }

    /** Fixes the client nonce, so that tests can check a digest against a known answer. */
    void useClientNonce(String cnonce) {
        this.cnonceOverride = cnonce;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static byte[] longBytes(long value) {
        byte[] bytes = new byte[8];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (value >>> (56 - 8 * i));
        }
        return bytes;
    }

    static String md5Hex(String text) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
    }
}
