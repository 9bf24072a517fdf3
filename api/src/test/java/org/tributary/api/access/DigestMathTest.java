package org.tributary.api.access;

import org.tributary.rtsp.header.DigestAlgorithm;
import org.tributary.rtsp.header.AuthScheme;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worked examples of RFC 7616 §3.9.1 and RFC 2617 §3.5, and the checks built on them. */
class DigestMathTest {

    private static final String REALM = "http-auth@example.org";
    private static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    private static Credentials rfc7616(String algorithm, String response) {
        return new Credentials(AuthScheme.DIGEST, "Mufasa", null, REALM, NONCE, "/dir/index.html", response, algorithm,
                "auth", "00000001", CNONCE, "GET");
    }

    private static UserHashes mufasa(String realm) {
        return new UserHashes("Mufasa", realm, DigestMath.ha1(DigestAlgorithm.MD5, "Mufasa", realm, "Circle of Life"),
                DigestMath.ha1(DigestAlgorithm.SHA_256, "Mufasa", realm, "Circle of Life"));
    }

    @Test
    void rfc7616Md5Example() {
        Credentials c = rfc7616("MD5", null);
        assertEquals("8ca523f5e9506fed4657c9700eebdbec",
                DigestMath.expectedResponse(c, DigestAlgorithm.MD5, mufasa(REALM).ha1Md5()));
    }

    @Test
    void rfc7616Sha256Example() {
        Credentials c = rfc7616("SHA-256", null);
        assertEquals("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
                DigestMath.expectedResponse(c, DigestAlgorithm.SHA_256, mufasa(REALM).ha1Sha256()));
    }

    @Test
    void rfc2617Example() {
        String realm = "testrealm@host.com";
        Credentials c = new Credentials(AuthScheme.DIGEST, "Mufasa", null, realm, "dcd98b7102dd2f0e8b11d0f600bfb0c093",
                "/dir/index.html", "6629fae49393a05397450978507c4ef1", null, "auth", "00000001", "0a4f113b", "GET");
        // RFC 2617 spells the password "Circle Of Life".
        UserHashes hashes = new UserHashes("Mufasa", realm,
                DigestMath.ha1(DigestAlgorithm.MD5, "Mufasa", realm, "Circle Of Life"), null);
        assertTrue(DigestMath.verify(c, hashes), "algorithm absent means MD5");
    }

    @Test
    void verifiesTheExamplesAndRefusesAnyChange() {
        UserHashes hashes = mufasa(REALM);
        assertTrue(DigestMath.verify(rfc7616("MD5", "8ca523f5e9506fed4657c9700eebdbec"), hashes));
        assertTrue(DigestMath.verify(rfc7616("SHA-256",
                "753927FA0E85D155564E2E272A28D1802CA10DAF4496794697CF8DB5856CB6C1"), hashes), "hex case does not matter");
        assertFalse(DigestMath.verify(rfc7616("MD5", "8ca523f5e9506fed4657c9700eebdbed"), hashes), "one digit changed");
        assertFalse(DigestMath.verify(rfc7616("SHA-256", "8ca523f5e9506fed4657c9700eebdbec"), hashes), "other algorithm");
        assertFalse(DigestMath.verify(rfc7616("MD5", "8ca523f5e9506fed4657c9700eebdbec"), mufasa("other realm")));
        assertFalse(DigestMath.verify(rfc7616("MD5", "8ca523f5e9506fed4657c9700eebdbec"),
                new UserHashes("mufasa", REALM, hashes.ha1Md5(), null)), "user names are case-sensitive");
        assertFalse(DigestMath.verify(rfc7616("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"),
                new UserHashes("Mufasa", REALM, hashes.ha1Md5(), null)), "no SHA-256 hash stored");
    }

    @Test
    void sessionVariantHashesNonceAndCnonceIntoHa1() {
        UserHashes hashes = mufasa(REALM);
        Credentials c = rfc7616("MD5-sess", null);
        String sessionHa1 = DigestMath.hash(DigestAlgorithm.MD5, hashes.ha1Md5() + ":" + NONCE + ":" + CNONCE);
        String expected = DigestMath.hash(DigestAlgorithm.MD5, sessionHa1 + ":" + NONCE + ":00000001:" + CNONCE
                + ":auth:" + DigestMath.hash(DigestAlgorithm.MD5, "GET:/dir/index.html"));
        assertEquals(expected, DigestMath.expectedResponse(c, DigestAlgorithm.MD5_SESS, hashes.ha1Md5()));
        assertTrue(DigestMath.verify(rfc7616("MD5-sess", expected), hashes));
    }

    @Test
    void basicPasswordIsCheckedAgainstTheStoredHa1() {
        UserHashes hashes = mufasa(REALM);
        assertTrue(DigestMath.verify(Credentials.basic("Mufasa", "Circle of Life"), hashes));
        assertFalse(DigestMath.verify(Credentials.basic("Mufasa", "circle of life"), hashes));
        assertTrue(DigestMath.verify(Credentials.basic("Mufasa", "Circle of Life"),
                new UserHashes("Mufasa", REALM, null, hashes.ha1Sha256())), "SHA-256 alone is enough for Basic");
    }

    @Test
    void toStringNeverShowsThePassword() {
        assertFalse(Credentials.basic("Mufasa", "Circle of Life").toString().contains("Circle"));
    }
}
