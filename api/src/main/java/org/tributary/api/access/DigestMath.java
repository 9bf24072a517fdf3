package org.tributary.api.access;

import org.tributary.rtsp.header.DigestAlgorithm;
import org.tributary.rtsp.header.AuthScheme;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The computations of RFC 7616 §3.4.1/§3.4.2 (and RFC 2617 without qop), and the check of Basic and
 * Digest credentials against stored HA1 values. Used by the EJB side (first check, from the database)
 * and by the adapter (later checks, from its short-lived cache), so both agree bit for bit.
 */
public final class DigestMath {

    private DigestMath() {
    }

    /** Lower-case hex of H(text) with the algorithm's hash. */
    public static String hash(DigestAlgorithm algorithm, String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm.javaName());
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm.javaName() + " is missing from this JVM", e);
        }
    }

    /** HA1 = H(user ":" realm ":" password), what is stored instead of a password. */
    public static String ha1(DigestAlgorithm algorithm, String user, String realm, String password) {
        return hash(algorithm, user + ":" + realm + ":" + password);
    }

    /** The response a client holding {@code storedHa1} must have sent with these credentials. */
    public static String expectedResponse(Credentials c, DigestAlgorithm algorithm, String storedHa1) {
        String ha1 = algorithm.session() ? hash(algorithm, storedHa1 + ":" + c.nonce() + ":" + c.cnonce()) : storedHa1;
        String ha2 = hash(algorithm, c.method() + ":" + c.uri());
        if (c.qop() == null) {
            return hash(algorithm, ha1 + ":" + c.nonce() + ":" + ha2);
        }
        return hash(algorithm, ha1 + ":" + c.nonce() + ":" + c.nc() + ":" + c.cnonce() + ":" + c.qop() + ":" + ha2);
    }

    /**
     * True when the credentials prove knowledge of the password behind {@code hashes}: a Basic password
     * hashes to a stored HA1, or a Digest response matches. Compares in constant time. The realm in the
     * hashes must be the realm the client was challenged with; user names must match exactly.
     */
    public static boolean verify(Credentials c, UserHashes hashes) {
        if (hashes == null || !c.user().equals(hashes.user())) {
            return false;
        }
        if (c.scheme() == AuthScheme.BASIC) {
            if (c.password() == null) {
                return false;
            }
            if (hashes.ha1Md5() != null) {
                return same(hashes.ha1Md5(), ha1(DigestAlgorithm.MD5, c.user(), hashes.realm(), c.password()));
            }
            return hashes.ha1Sha256() != null
                    && same(hashes.ha1Sha256(), ha1(DigestAlgorithm.SHA_256, c.user(), hashes.realm(), c.password()));
        }
        DigestAlgorithm algorithm = DigestAlgorithm.ofToken(c.algorithm());
        if (algorithm == null || c.response() == null || c.nonce() == null || c.uri() == null || c.method() == null
                || !hashes.realm().equals(c.realm())) {
            return false;
        }
        if (c.qop() != null && (!"auth".equalsIgnoreCase(c.qop()) || c.nc() == null || c.cnonce() == null)) {
            return false;
        }
        String ha1 = hashes.ha1(algorithm);
        return ha1 != null && same(expectedResponse(c, algorithm, ha1), c.response().toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean same(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), actual.getBytes(StandardCharsets.US_ASCII));
    }
}
