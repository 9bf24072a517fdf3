package org.tributary.rtsp.client;

import org.junit.jupiter.api.Test;
import org.tributary.rtsp.header.Authorization;
import org.tributary.rtsp.header.BasicAuthorization;
import org.tributary.rtsp.header.DigestAlgorithm;
import org.tributary.rtsp.header.DigestAuthorization;
import org.tributary.rtsp.header.WwwAuthenticate;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClientAuthenticatorTest {

    // RFC 7616 §3.9.1.
    private static final String REALM = "http-auth@example.org";
    private static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
    private static final String OPAQUE = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS";

    private final ClientAuthenticator mufasa = new ClientAuthenticator("Mufasa", "Circle of Life", () -> CNONCE);

    private static WwwAuthenticate digest(DigestAlgorithm algorithm) {
        return new WwwAuthenticate(org.tributary.rtsp.header.AuthScheme.DIGEST, REALM, NONCE, OPAQUE, algorithm,
                "auth", null, null, null);
    }

    @Test
    void answersTheRfc7616Md5ExampleWhenOnlyMd5IsOffered() {
        DigestAuthorization a = assertInstanceOf(DigestAuthorization.class,
                mufasa.answer(List.of(digest(DigestAlgorithm.MD5)), "GET", "/dir/index.html"));
        assertEquals("8ca523f5e9506fed4657c9700eebdbec", a.response());
        assertEquals(1L, a.nc());
        assertEquals(CNONCE, a.cnonce());
        assertEquals(OPAQUE, a.opaque());
        assertEquals("auth", a.qop());
    }

    @Test
    void choosesSha256OverMd5AndBasicAndAnswersTheRfc7616Sha256Example() {
        List<WwwAuthenticate> offered = List.of(WwwAuthenticate.basic(REALM), digest(DigestAlgorithm.MD5),
                digest(DigestAlgorithm.SHA_256));
        DigestAuthorization a = assertInstanceOf(DigestAuthorization.class, mufasa.answer(offered, "GET", "/dir/index.html"));
        assertEquals(DigestAlgorithm.SHA_256, a.algorithm());
        assertEquals("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", a.response());
        // The header written is one the server-side parser reads back field for field.
        assertEquals(a, Authorization.parse(a.format()));
    }

    @Test
    void countsNoncesPerNonceAndStartsAgainOnANewOne() {
        List<WwwAuthenticate> md5 = List.of(digest(DigestAlgorithm.MD5));
        mufasa.answer(md5, "OPTIONS", "*");
        assertEquals(2L, ((DigestAuthorization) mufasa.answer(md5, "DESCRIBE", "rtsp://h/a.mp4")).nc());
        WwwAuthenticate fresh = WwwAuthenticate.digest(REALM, "another-nonce", null, DigestAlgorithm.MD5, false);
        assertEquals(1L, ((DigestAuthorization) mufasa.answer(List.of(fresh), "DESCRIBE", "rtsp://h/a.mp4")).nc());
    }

    @Test
    void withoutQopAnswersInRfc2069Style() {
        // RFC 2617 §3.5's example without qop: response = MD5(HA1:nonce:HA2), no nc and no cnonce.
        ClientAuthenticator old = new ClientAuthenticator("Mufasa", "Circle Of Life", () -> "unused");
        WwwAuthenticate noQop = new WwwAuthenticate(org.tributary.rtsp.header.AuthScheme.DIGEST, "testrealm@host.com",
                "dcd98b7102dd2f0e8b11d0f600bfb0c093", null, null, null, null, null, null);
        DigestAuthorization a = (DigestAuthorization) old.answer(List.of(noQop), "GET", "/dir/index.html");
        assertEquals("670fd8c2df070c60b045671b8b24ff02", a.response());
        assertNull(a.nc());
        assertNull(a.cnonce());
        assertEquals(DigestAlgorithm.MD5, a.algorithm());
    }

    @Test
    void answersBasicWhenThatIsAllThatIsOffered() {
        Authorization a = mufasa.answer(List.of(WwwAuthenticate.basic(REALM)), "DESCRIBE", "rtsp://h/a.mp4");
        assertEquals(new BasicAuthorization("Mufasa", "Circle of Life"), a);
        assertEquals("Basic TXVmYXNhOkNpcmNsZSBvZiBMaWZl", a.format());
    }

    @Test
    void refusesToAnswerNothing() {
        assertThrows(IllegalArgumentException.class, () -> mufasa.answer(List.of(), "OPTIONS", "*"));
    }
}
