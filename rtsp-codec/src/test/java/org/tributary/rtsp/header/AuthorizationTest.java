package org.tributary.rtsp.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuthorizationTest {

    private static final String RFC7616_NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String RFC7616_CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
    private static final String RFC7616_OPAQUE = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS";
    private static final String RFC7616_SHA256_RESPONSE =
            "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1";

    /** RFC 7616 §3.9.1, SHA-256 variant, unfolded onto one line as an RTSP header arrives. */
    private static final String RFC7616_SHA256 = "Digest username=\"Mufasa\", realm=\"http-auth@example.org\", "
            + "uri=\"/dir/index.html\", algorithm=SHA-256, nonce=\"" + RFC7616_NONCE + "\", nc=00000001, "
            + "cnonce=\"" + RFC7616_CNONCE + "\", qop=auth, response=\"" + RFC7616_SHA256_RESPONSE + "\", "
            + "opaque=\"" + RFC7616_OPAQUE + "\"";

    /** RFC 7616 §3.9.1, MD5 variant. */
    private static final String RFC7616_MD5 = "Digest username=\"Mufasa\", realm=\"http-auth@example.org\", "
            + "uri=\"/dir/index.html\", algorithm=MD5, nonce=\"" + RFC7616_NONCE + "\", nc=00000001, "
            + "cnonce=\"" + RFC7616_CNONCE + "\", qop=auth, response=\"8ca523f5e9506fed4657c9700eebdbec\", "
            + "opaque=\"" + RFC7616_OPAQUE + "\"";

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("Basic", "Basic dXNlcjpwYXNz", "Basic dXNlcjpwYXNz", new BasicAuthorization("user", "pass")),
                arguments("Basic RFC 7617 example, lower-case scheme, extra spaces",
                        "basic   QWxhZGRpbjpvcGVuIHNlc2FtZQ==", "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
                        new BasicAuthorization("Aladdin", "open sesame")),
                arguments("Basic password containing ':'", "Basic " + base64("cam:p:w"), "Basic " + base64("cam:p:w"),
                        new BasicAuthorization("cam", "p:w")),
                arguments("Basic without padding", "Basic dXNlcjpwYXNzMQ", "Basic dXNlcjpwYXNzMQ==",
                        new BasicAuthorization("user", "pass1")),
                arguments("Digest RFC 7616 §3.9.1 SHA-256", RFC7616_SHA256,
                        "Digest username=\"Mufasa\", realm=\"http-auth@example.org\", nonce=\"" + RFC7616_NONCE
                                + "\", uri=\"/dir/index.html\", response=\"" + RFC7616_SHA256_RESPONSE
                                + "\", algorithm=SHA-256, qop=auth, nc=00000001, cnonce=\"" + RFC7616_CNONCE
                                + "\", opaque=\"" + RFC7616_OPAQUE + "\"",
                        new DigestAuthorization("Mufasa", "http-auth@example.org", RFC7616_NONCE, "/dir/index.html",
                                RFC7616_SHA256_RESPONSE, DigestAlgorithm.SHA_256, "auth", 1L, RFC7616_CNONCE,
                                RFC7616_OPAQUE, false)),
                arguments("Digest RFC 7616 §3.9.1 MD5", RFC7616_MD5,
                        "Digest username=\"Mufasa\", realm=\"http-auth@example.org\", nonce=\"" + RFC7616_NONCE
                                + "\", uri=\"/dir/index.html\", response=\"8ca523f5e9506fed4657c9700eebdbec\""
                                + ", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"" + RFC7616_CNONCE
                                + "\", opaque=\"" + RFC7616_OPAQUE + "\"",
                        new DigestAuthorization("Mufasa", "http-auth@example.org", RFC7616_NONCE, "/dir/index.html",
                                "8ca523f5e9506fed4657c9700eebdbec", DigestAlgorithm.MD5, "auth", 1L, RFC7616_CNONCE,
                                RFC7616_OPAQUE, false)),
                arguments("Digest live555/VLC style without qop, algorithm defaults to MD5",
                        "Digest username=\"admin\", realm=\"Tributary\", nonce=\"abc123\", "
                                + "uri=\"rtsp://10.0.0.1:554/movie.mp4/\", response=\"0123456789abcdef0123456789abcdef\"",
                        "Digest username=\"admin\", realm=\"Tributary\", nonce=\"abc123\", "
                                + "uri=\"rtsp://10.0.0.1:554/movie.mp4/\", response=\"0123456789abcdef0123456789abcdef\""
                                + ", algorithm=MD5",
                        new DigestAuthorization("admin", "Tributary", "abc123", "rtsp://10.0.0.1:554/movie.mp4/",
                                "0123456789abcdef0123456789abcdef", DigestAlgorithm.MD5, null, null, null, null, false)),
                arguments("Digest case-insensitive names, escapes, quoted qop, sess, userhash",
                        "DIGEST USERNAME=\"a\\\"b\\\\c\",Realm=\"r, with comma\" , NONCE=n1, URI=\"/x\", "
                                + "Response=\"ff\", Algorithm=sha-256-SESS, QOP=\"auth\", NC=0000000a, "
                                + "CNONCE=\"c\", UserHash=TRUE",
                        "Digest username=\"a\\\"b\\\\c\", realm=\"r, with comma\", nonce=\"n1\", uri=\"/x\", "
                                + "response=\"ff\", algorithm=SHA-256-sess, qop=auth, nc=0000000a, cnonce=\"c\", "
                                + "userhash=true",
                        new DigestAuthorization("a\"b\\c", "r, with comma", "n1", "/x", "ff",
                                DigestAlgorithm.SHA_256_SESS, "auth", 10L, "c", null, true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesAsReceived(String name, String received, String canonical, Authorization expected) {
        assertEquals(expected, Authorization.parse(received));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void formatsCanonically(String name, String received, String canonical, Authorization expected) {
        assertEquals(canonical, expected.format());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void canonicalFormParsesBack(String name, String received, String canonical, Authorization expected) {
        assertEquals(expected, Authorization.parse(canonical));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                arguments("empty", "", "Authorization: empty value"),
                arguments("scheme only", "Basic", "Authorization: missing credentials after 'Basic'"),
                arguments("unknown scheme", "Bearer abc.def", "Authorization: unsupported scheme 'Bearer'"),
                arguments("bad base64", "Basic !!!", "Authorization: invalid base64 credentials '!!!'"),
                arguments("Basic without colon", "Basic " + base64("nocolon"),
                        "Authorization: Basic credentials without ':'"),
                arguments("Digest without nonce",
                        "Digest username=\"u\", realm=\"r\", uri=\"/\", response=\"x\"", "Authorization: missing nonce"),
                arguments("duplicate realm",
                        "Digest username=\"u\", realm=\"r\", realm=\"s\", nonce=\"n\", uri=\"/\", response=\"x\"",
                        "Authorization: duplicate parameter 'realm'"),
                arguments("unsupported algorithm",
                        "Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"/\", response=\"x\", algorithm=SHA-1",
                        "Authorization: unsupported algorithm 'SHA-1'"),
                arguments("nc not hex",
                        "Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"/\", response=\"x\", qop=auth, "
                                + "nc=zz, cnonce=\"c\"",
                        "Authorization: invalid nc 'zz'"),
                arguments("nc too long",
                        "Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"/\", response=\"x\", qop=auth, "
                                + "nc=000000001, cnonce=\"c\"",
                        "Authorization: invalid nc '000000001'"),
                arguments("qop without nc",
                        "Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"/\", response=\"x\", qop=auth",
                        "Authorization: qop without nc and cnonce"),
                arguments("text after quoted string", "Digest username=\"u\"x, realm=\"r\"",
                        "Authorization: text after quoted string '\"u\"x'"),
                arguments("odd quotes", "Digest username=\"u",
                        "Authorization: unterminated quoted string in 'username=\"u'"),
                arguments("parameter without value", "Digest username", "Authorization: missing value for username"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void rejects(String name, String value, String message) {
        assertEquals(message, assertThrows(HeaderParseException.class, () -> Authorization.parse(value)).getMessage());
    }

    /** Proves the §3.9.1 fields were parsed exactly: recomputing the response from them gives the RFC's value. */
    @Test
    void rfc7616ResponseRecomputesFromParsedFields() throws Exception {
        DigestAuthorization d = (DigestAuthorization) Authorization.parse(RFC7616_SHA256);
        String ha1 = sha256(d.username() + ":" + d.realm() + ":Circle of Life");
        String ha2 = sha256("GET:" + d.uri());
        String nc = String.format("%08x", d.nc());
        String response = sha256(ha1 + ":" + d.nonce() + ":" + nc + ":" + d.cnonce() + ":" + d.qop() + ":" + ha2);
        assertEquals(d.response(), response);
    }

    private static String sha256(String s) throws Exception {
        MessageDigest md = MessageDigest.getInstance(DigestAlgorithm.SHA_256.javaName());
        return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void basicToStringHidesPassword() {
        assertFalse(new BasicAuthorization("u", "secret").toString().contains("secret"));
    }
}
