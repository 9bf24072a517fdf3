package org.tributary.mp3http;

import org.junit.jupiter.api.Test;
import org.tributary.rtsp.DecoderLimits;
import org.tributary.rtsp.RtspDecoder;
import org.tributary.rtsp.RtspRequest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Mp3HttpRequestTest {

    /** Decodes the bytes a player sends, as the RTSP port's decoder does, then reads them as an MP3 request. */
    static RtspRequest decode(String text) throws Exception {
        return (RtspRequest) new RtspDecoder(DecoderLimits.DEFAULTS)
                .decode(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    static Mp3HttpRequest parse(String text) throws Exception {
        return Mp3HttpRequest.parse(decode(text));
    }

    static int refusal(String text) {
        return assertThrows(HttpRefusal.class, () -> parse(text)).status();
    }

    @Test
    void aPlayersGetIsRead() throws Exception {
        Mp3HttpRequest r = parse("GET /music/My%20Song.mp3 HTTP/1.0\r\nHost: 127.0.0.1:8554\r\n"
                + "User-Agent: mpg123/1.31\r\nIcy-MetaData: 1\r\nAuthorization: Basic dTpw\r\n\r\n");
        assertFalse(r.head());
        assertEquals("music/My Song.mp3", r.path());
        assertTrue(r.wantsMetadata());
        assertEquals("mpg123/1.31", r.userAgent());
        assertEquals("Basic dTpw", r.authorization());
    }

    @Test
    void headAbsoluteUrisAndUpperCaseExtensions() throws Exception {
        Mp3HttpRequest r = parse("HEAD http://example.org:8001/A.MP3?x=1 HTTP/1.1\r\nHost: example.org\r\n\r\n");
        assertTrue(r.head());
        assertEquals("A.MP3", r.path());
        assertFalse(r.wantsMetadata());
        assertNull(r.authorization());
        assertFalse(parse("GET /a.mp3 HTTP/1.1\r\nIcy-MetaData: 0\r\n\r\n").wantsMetadata());
    }

    @Test
    void everyOtherRequestGetsItsOwnStatus() {
        assertEquals(405, refusal("POST /a.mp3 HTTP/1.1\r\n\r\n"));
        assertEquals(405, refusal("PUT /a.mp3 HTTP/1.1\r\nContent-Length: 0\r\n\r\n"));
        assertEquals(405, refusal("DESCRIBE /a.mp3 HTTP/1.1\r\n\r\n"));
        assertEquals(405, refusal("get /a.mp3 HTTP/1.1\r\n\r\n"), "methods are case-sensitive in HTTP");
        assertEquals(415, refusal("GET /sample.mp4 HTTP/1.1\r\n\r\n"));
        assertEquals(415, refusal("GET /sample.mp3.txt HTTP/1.1\r\n\r\n"));
        assertEquals(404, refusal("GET / HTTP/1.1\r\n\r\n"));
        assertEquals(404, refusal("GET /music/ HTTP/1.1\r\n\r\n"));
        assertEquals(400, refusal("GET /a%zz.mp3 HTTP/1.1\r\n\r\n"));
        assertEquals(400, refusal("GET /a.mp3 HTTP/2.0\r\n\r\n"));
    }

    @Test
    void pathsLeavingTheRootAreLeftToTheCatalogue() throws Exception {
        // The parser keeps the path as sent; MediaCatalog.resolve refuses it with 403 (tested there and in the IT).
        assertEquals("../secret.mp3", parse("GET /../secret.mp3 HTTP/1.0\r\n\r\n").path());
    }
}
