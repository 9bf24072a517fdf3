package org.tributary.rtsp;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RtspDecoderTest {

    private final RtspDecoder decoder = new RtspDecoder(DecoderLimits.DEFAULTS);

    private static ByteBuffer buf(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void decodesARequestWithCanonicalHeaderNames() throws Exception {
        ByteBuffer in = buf("OPTIONS rtsp://h/a.mp4 RTSP/1.0\r\ncseq: 5\r\nuser-agent: x\r\n\r\n");
        RtspRequest r = (RtspRequest) decoder.decode(in);
        assertEquals(RtspMethod.OPTIONS, r.method());
        assertEquals("rtsp://h/a.mp4", r.uri());
        assertEquals("5", r.cseq());
        assertEquals("CSeq", r.headers().entries().get(0).getKey());
        assertEquals(0, in.remaining());
    }

    @Test
    void incompleteMessageConsumesNothing() throws Exception {
        ByteBuffer in = buf("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n");
        assertNull(decoder.decode(in));
        assertEquals(0, in.position());
    }

    @Test
    void waitsForTheWholeBody() throws Exception {
        ByteBuffer in = buf("SET_PARAMETER * RTSP/1.0\r\nCSeq: 1\r\nContent-Length: 10\r\n\r\nabc");
        assertNull(decoder.decode(in));
        ByteBuffer full = buf("SET_PARAMETER * RTSP/1.0\r\nCSeq: 1\r\nContent-Length: 10\r\n\r\n0123456789OPTIONS");
        RtspRequest r = (RtspRequest) decoder.decode(full);
        assertEquals("0123456789", new String(r.body(), StandardCharsets.US_ASCII));
        assertEquals("OPTIONS", StandardCharsets.US_ASCII.decode(full).toString());
    }

    @Test
    void pipelinedRequestsComeOneAtATime() throws Exception {
        ByteBuffer in = buf("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n\r\nDESCRIBE rtsp://h/x RTSP/1.0\nCSeq: 2\n\n");
        assertEquals("1", ((RtspRequest) decoder.decode(in)).cseq());
        RtspRequest second = (RtspRequest) decoder.decode(in);
        assertEquals(RtspMethod.DESCRIBE, second.method());
        assertEquals("2", second.cseq());
        assertNull(decoder.decode(in));
    }

    @Test
    void decodesInterleavedFrames() throws Exception {
        ByteBuffer in = ByteBuffer.wrap(new byte[] {'$', 1, 0, 3, 9, 8, 7, '$', 0, 0, 5, 1});
        InterleavedFrame f = assertInstanceOf(InterleavedFrame.class, decoder.decode(in));
        assertEquals(1, f.channel());
        assertArrayEquals(new byte[] {9, 8, 7}, f.payload());
        assertNull(decoder.decode(in), "second frame is incomplete");
    }

    @Test
    void unknownMethodIsKeptAsToken() throws Exception {
        RtspRequest r = (RtspRequest) decoder.decode(buf("FROB * RTSP/1.0\r\nCSeq: 1\r\n\r\n"));
        assertEquals(RtspMethod.UNKNOWN, r.method());
        assertEquals("FROB", r.methodToken());
    }

    @Test
    void tunnelPostBodyIsNotPartOfTheMessage() throws Exception {
        ByteBuffer in = buf("POST /x HTTP/1.0\r\nx-sessioncookie: abc\r\nContent-Length: 32767\r\n\r\nT1BUSU9OUw==");
        RtspRequest r = (RtspRequest) decoder.decode(in);
        assertEquals(RtspMethod.POST, r.method());
        assertEquals("T1BUSU9OUw==", StandardCharsets.US_ASCII.decode(in).toString());
    }

    @Test
    void malformedInputCarriesTheStatusToAnswer() {
        assertEquals(RtspStatus.BAD_REQUEST, assertThrows(RtspParseException.class,
                () -> decoder.decode(buf("garbage\r\n\r\n"))).status());
        assertEquals(RtspStatus.BAD_REQUEST, assertThrows(RtspParseException.class,
                () -> decoder.decode(buf("OPTIONS * FTP/1.0\r\n\r\n"))).status());
        assertEquals(RtspStatus.BAD_REQUEST, assertThrows(RtspParseException.class,
                () -> decoder.decode(buf("OPTIONS * RTSP/1.0\r\nno colon here\r\n\r\n"))).status());
        assertEquals(RtspStatus.BAD_REQUEST, assertThrows(RtspParseException.class,
                () -> decoder.decode(buf("OPTIONS * RTSP/1.0\r\nContent-Length: x\r\n\r\n"))).status());
        assertEquals(RtspStatus.REQUEST_ENTITY_TOO_LARGE, assertThrows(RtspParseException.class,
                () -> decoder.decode(buf("OPTIONS * RTSP/1.0\r\nContent-Length: 999999999\r\n\r\n"))).status());
        assertEquals(RtspStatus.REQUEST_URI_TOO_LARGE, assertThrows(RtspParseException.class,
                () -> decoder.decode(buf("OPTIONS /" + "a".repeat(5000) + " RTSP/1.0\r\n\r\n"))).status());
    }

    @Test
    void limitsAreEnforcedBeforeTheMessageEnds() {
        DecoderLimits small = new DecoderLimits(100, 50, 3, 300, 1000);
        RtspDecoder d = new RtspDecoder(small);
        assertThrows(RtspParseException.class, () -> d.decode(buf("OPTIONS * RTSP/1.0\r\nX: " + "a".repeat(200))));
        assertThrows(RtspParseException.class,
                () -> d.decode(buf("OPTIONS * RTSP/1.0\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n")));
    }

    @Test
    void foldedHeaderLinesAreJoined() throws Exception {
        RtspRequest r = (RtspRequest) decoder.decode(buf("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\nX-Long: a\r\n b\r\n\r\n"));
        assertEquals("a b", r.header("x-long"));
    }

    @Test
    void twoDifferentContentLengthsAreRefused() {
        RtspParseException e = assertThrows(RtspParseException.class, () -> decoder.decode(buf(
                "SET_PARAMETER * RTSP/1.0\r\nCSeq: 1\r\nContent-Length: 4\r\nContent-Length: 40\r\n\r\nabcd")));
        assertEquals(RtspStatus.BAD_REQUEST, e.status());
        assertEquals(false, e.http());
    }

    @Test
    void theSameContentLengthTwiceIsOneLength() throws Exception {
        RtspRequest r = (RtspRequest) decoder.decode(buf(
                "SET_PARAMETER * RTSP/1.0\r\nCSeq: 1\r\nContent-Length: 4\r\nContent-Length: 4\r\n\r\nabcd"));
        assertEquals("abcd", new String(r.body(), StandardCharsets.US_ASCII));
    }

    @Test
    void aRefusedHttpRequestSaysSoForItsStatusLine() {
        String tooMany = "X-A: b\r\n".repeat(70);
        RtspParseException http = assertThrows(RtspParseException.class,
                () -> decoder.decode(buf("GET /a.mp3 HTTP/1.1\r\n" + tooMany + "\r\n")));
        assertEquals(true, http.http());
        RtspParseException rtsp = assertThrows(RtspParseException.class,
                () -> new RtspDecoder(DecoderLimits.DEFAULTS).decode(buf("OPTIONS * RTSP/1.0\r\n" + tooMany + "\r\n")));
        assertEquals(false, rtsp.http());
    }

    @Test
    void aMalformedHeaderLineIsQuotedOnlyByItsStart() {
        RtspParseException e = assertThrows(RtspParseException.class, () -> decoder.decode(buf(
                "DESCRIBE rtsp://h/a RTSP/1.0\r\nCSeq: 1\r\nAuthorization Basic c2VjcmV0OnBhc3N3b3Jk\r\n\r\n")));
        assertEquals(false, e.getMessage().contains("c2VjcmV0"), e.getMessage());
    }
}
