package org.tributary.api.access;

import java.util.Locale;

/** The Digest algorithms of RFC 7616 §3.3 by their header token; MD5 when the parameter is absent. */
public enum DigestAlgorithmName {
    MD5("MD5", false, false),
    MD5_SESS("MD5-sess", false, true),
    SHA_256("SHA-256", true, false),
    SHA_256_SESS("SHA-256-sess", true, true);

    private final String token;
    private final boolean sha256;
    private final boolean session;

    DigestAlgorithmName(String token, boolean sha256, boolean session) {
        this.token = token;
        this.sha256 = sha256;
        this.session = session;
    }

    public String token() {
        return token;
    }

    /** SHA-256 family (else MD5). */
    public boolean sha256() {
        return sha256;
    }

    /** The "-sess" variants, whose HA1 also covers nonce and cnonce. */
    public boolean session() {
        return session;
    }

    /** The {@link java.security.MessageDigest} name. */
    public String javaName() {
        return sha256 ? "SHA-256" : "MD5";
    }

    /** By header token, case-insensitively; null or empty means MD5; unknown gives null. */
    public static DigestAlgorithmName ofToken(String token) {
        if (token == null || token.isEmpty()) {
            return MD5;
        }
        String t = token.toLowerCase(Locale.ROOT);
        for (DigestAlgorithmName a : values()) {
            if (a.token.toLowerCase(Locale.ROOT).equals(t)) {
                return a;
            }
        }
        return null;
    }
}
