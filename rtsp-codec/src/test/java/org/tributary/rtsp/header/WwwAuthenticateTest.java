package org.tributary.rtsp.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WwwAuthenticateTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("Basic", "Basic realm=\"Tributary\"", "Basic realm=\"Tributary\"",
                        WwwAuthenticate.basic("Tributary")),
                arguments("Basic token realm and charset", "basic realm=Tributary, charset=\"UTF-8\"",
                        "Basic realm=\"Tributary\", charset=\"UTF-8\"",
                        new WwwAuthenticate(AuthScheme.BASIC, "Tributary", null, null, null, null, null, "UTF-8", null)),
                arguments("Digest challenge of RFC 7616 §3.9.1",
                        "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=SHA-256, "
                                + "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", "
                                + "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"",
                        "Digest realm=\"http-auth@example.org\", nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", "
                                + "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\", algorithm=SHA-256, "
                                + "qop=\"auth, auth-int\"",
                        new WwwAuthenticate(AuthScheme.DIGEST, "http-auth@example.org",
                                "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
                                "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", DigestAlgorithm.SHA_256,
                                "auth, auth-int", null, null, null)),
                arguments("Digest stale, live555 style without algorithm",
                        "Digest realm=\"LIVE555 Streaming Media\", nonce=\"a1b2\", stale=TRUE",
                        "Digest realm=\"LIVE555 Streaming Media\", nonce=\"a1b2\", stale=true",
                        new WwwAuthenticate(AuthScheme.DIGEST, "LIVE555 Streaming Media", "a1b2", null, null, null,
                                true, null, null)),
                arguments("Digest with charset and userhash",
                        "Digest realm=\"api@example.org\", qop=\"auth\", algorithm=SHA-256-sess, nonce=\"n\", "
                                + "opaque=\"o\", charset=UTF-8, userhash=true, stale=false",
                        "Digest realm=\"api@example.org\", nonce=\"n\", opaque=\"o\", algorithm=SHA-256-sess, "
                                + "qop=\"auth\", stale=false, charset=\"UTF-8\", userhash=true",
                        new WwwAuthenticate(AuthScheme.DIGEST, "api@example.org", "n", "o",
                                DigestAlgorithm.SHA_256_SESS, "auth", false, "UTF-8", true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesAsReceived(String name, String received, String canonical, WwwAuthenticate expected) {
        assertEquals(expected, WwwAuthenticate.parse(received));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void formatsCanonically(String name, String received, String canonical, WwwAuthenticate expected) {
        assertEquals(canonical, expected.format());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void canonicalFormParsesBack(String name, String received, String canonical, WwwAuthenticate expected) {
        assertEquals(expected, WwwAuthenticate.parse(canonical));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                arguments("empty", " ", "WWW-Authenticate: empty value"),
                arguments("unknown scheme", "Negotiate abc", "WWW-Authenticate: unsupported scheme 'Negotiate'"),
                arguments("Basic without realm", "Basic charset=\"UTF-8\"", "WWW-Authenticate: missing realm"),
                arguments("Digest without nonce", "Digest realm=\"r\"", "WWW-Authenticate: missing nonce"),
                arguments("bad stale", "Digest realm=\"r\", nonce=\"n\", stale=maybe",
                        "WWW-Authenticate: invalid stale 'maybe'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void rejects(String name, String value, String message) {
        assertEquals(message,
                assertThrows(HeaderParseException.class, () -> WwwAuthenticate.parse(value)).getMessage());
    }

    @Test
    void digestFactoryWritesQopAuth() {
        assertEquals("Digest realm=\"Tributary\", nonce=\"n1\", opaque=\"o1\", algorithm=MD5, qop=\"auth\"",
                WwwAuthenticate.digest("Tributary", "n1", "o1", DigestAlgorithm.MD5, false).format());
        assertEquals("Digest realm=\"Tributary\", nonce=\"n2\", algorithm=SHA-256, qop=\"auth\", stale=true",
                WwwAuthenticate.digest("Tributary", "n2", null, DigestAlgorithm.SHA_256, true).format());
    }
}
