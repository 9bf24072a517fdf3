package org.tributary.loadtool.rtsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RtspAuthenticatorTest {

    @Test
    void digestWithQopAuthMatchesRfc2617Example() {
        RtspAuthenticator auth = new RtspAuthenticator("Mufasa", "Circle Of Life");
        assertNull(auth.authorization("GET", "/dir/index.html"));
        assertTrue(auth.onChallenge(List.of("Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", "
                + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"")));
        auth.useClientNonce("0a4f113b");
        AuthChallenge answer = AuthChallenge.parse(auth.authorization("GET", "/dir/index.html"));
        assertEquals("6629fae49393a05397450978507c4ef1", answer.param("response"));
        assertEquals("00000001", answer.param("nc"));
        assertEquals("auth", answer.param("qop"));
        assertEquals("5ccc069c403ebaf9f0171e9517f40e41", answer.param("opaque"));
        AuthChallenge second = AuthChallenge.parse(auth.authorization("GET", "/dir/index.html"));
        assertEquals("00000002", second.param("nc"));
    }

    @Test
    void digestWithoutQopUsesTheRfc2069Form() {
        RtspAuthenticator auth = new RtspAuthenticator("u", "p");
        auth.onChallenge(List.of("Digest realm=\"r\", nonce=\"n\""));
        AuthChallenge answer = AuthChallenge.parse(auth.authorization("DESCRIBE", "rtsp://h/x"));
        String ha1 = RtspAuthenticator.md5Hex("u:r:p");
        String ha2 = RtspAuthenticator.md5Hex("DESCRIBE:rtsp://h/x");
        assertEquals(RtspAuthenticator.md5Hex(ha1 + ":n:" + ha2), answer.param("response"));
        assertNull(answer.param("qop"));
    }

    @Test
    void prefersDigestOverBasicAndGivesUpOnRepeatedRejection() {
        RtspAuthenticator auth = new RtspAuthenticator("u", "p");
        List<String> challenges = List.of("Basic realm=\"r\"", "Digest realm=\"r\", nonce=\"n1\"");
        assertTrue(auth.onChallenge(challenges));
        assertTrue(auth.authorization("OPTIONS", "*").startsWith("Digest "));
        assertFalse(auth.onChallenge(challenges));
        assertTrue(auth.onChallenge(List.of("Digest realm=\"r\", nonce=\"n2\", stale=true")));
    }

    @Test
    void basicEncodesUserAndPassword() {
        RtspAuthenticator auth = new RtspAuthenticator("Aladdin", "open sesame");
        assertTrue(auth.onChallenge(List.of("Basic realm=\"WallyWorld\"")));
        assertEquals("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", auth.authorization("DESCRIBE", "rtsp://h/"));
    }

    @Test
    void noCredentialsMeansNoRetry() {
        assertFalse(new RtspAuthenticator(null, null).onChallenge(List.of("Basic realm=\"r\"")));
    }
}
