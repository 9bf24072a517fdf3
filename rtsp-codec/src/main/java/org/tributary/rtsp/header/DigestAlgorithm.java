package org.tributary.rtsp.header;

/** Digest algorithms of RFC 7616 §3.3 that Tributary accepts; MD5 when the parameter is absent. */
public enum DigestAlgorithm {
    MD5("MD5", "MD5", false),
    MD5_SESS("MD5-sess", "MD5", true),
    SHA_256("SHA-256", "SHA-256", false),
    SHA_256_SESS("SHA-256-sess", "SHA-256", true);

    private final String token;
    private final String javaName;
    private final boolean session;

    DigestAlgorithm(String token, String javaName, boolean session) {
        this.token = token;
        this.javaName = javaName;
        this.session = session;
    }

    /** The name written in headers, e.g. {@code SHA-256-sess}. */
    public String token() {
        return token;
    }

    /** The {@link java.security.MessageDigest} algorithm name. */
    public String javaName() {
        return javaName;
    }

    /** Whether HA1 also covers nonce and cnonce (the "-sess" variants). */
    public boolean isSession() {
        return session;
    }

    /** Case-insensitive parse; errors name {@code header}. */
    public static DigestAlgorithm parse(String header, String text) {
        for (DigestAlgorithm a : values()) {
            if (a.token.equalsIgnoreCase(text)) {
                return a;
            }
        }
        throw new HeaderParseException(header, "unsupported algorithm '" + text + "'");
    }
}
