package org.tributary.rtsp.header;

import java.util.Locale;

/**
 * The Digest algorithms of RFC 7616 §3.3 by their header token; MD5 when the parameter is absent. The one
 * list of them: the server's challenges and checks, the client's answers and the stored user hashes use it.
 */
public enum DigestAlgorithm {
    MD5("MD5", false, false),
    MD5_SESS("MD5-sess", false, true),
    SHA_256("SHA-256", true, false),
    SHA_256_SESS("SHA-256-sess", true, true);

    private final String token;
    private final boolean sha256;
    private final boolean session;

    DigestAlgorithm(String token, boolean sha256, boolean session) {
        this.token = token;
        this.sha256 = sha256;
        this.session = session;
    }

    /** The name written in headers, e.g. {@code SHA-256-sess}. */
    public String token() {
        return token;
    }

    /** SHA-256 family (else MD5). */
    public boolean sha256() {
        return sha256;
    }

    /** Whether HA1 also covers nonce and cnonce (the "-sess" variants). */
    public boolean session() {
        return session;
    }

    /** The {@link java.security.MessageDigest} algorithm name. */
    public String javaName() {
        return sha256 ? "SHA-256" : "MD5";
    }

    /** Case-insensitive parse; errors name {@code header}. */
    public static DigestAlgorithm parse(String header, String text) {
        DigestAlgorithm algorithm = text == null || text.isEmpty() ? null : ofToken(text);
        if (algorithm == null) {
            throw new HeaderParseException(header, "unsupported algorithm '" + text + "'");
        }
        return algorithm;
    }

    /** By header token, case-insensitively; null or empty means MD5; unknown gives null. */
    public static DigestAlgorithm ofToken(String token) {
        if (token == null || token.isEmpty()) {
            return MD5;
        }
        String t = token.toLowerCase(Locale.ROOT);
        for (DigestAlgorithm a : values()) {
            if (a.token.toLowerCase(Locale.ROOT).equals(t)) {
                return a;
            }
        }
        return null;
    }
}
