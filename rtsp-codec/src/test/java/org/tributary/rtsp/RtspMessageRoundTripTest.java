package org.tributary.rtsp;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Both directions: what {@link RtspMessage#encode()} writes, {@link RtspDecoder} reads back unchanged. */
class RtspMessageRoundTripTest {

    private final RtspDecoder decoder = new RtspDecoder(DecoderLimits.DEFAULTS);

    private static ByteBuffer buf(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void requestEncodesToItsWireFormAndDecodesBack() throws Exception {
        RtspHeaders headers = new RtspHeaders().add("cseq", "7").add("Session", "12345678");
        RtspRequest sent = RtspRequest.of(RtspMethod.SET_PARAMETER, "rtsp://h/a.mp4", headers)
                .withBody("text/parameters", "volume: 5\r\n".getBytes(StandardCharsets.US_ASCII));

        byte[] wire = sent.encode();
        assertEquals("SET_PARAMETER rtsp://h/a.mp4 RTSP/1.0\r\nCSeq: 7\r\nSession: 12345678\r\n"
                + "Content-Type: text/parameters\r\nContent-Length: 11\r\n\r\nvolume: 5\r\n",
                new String(wire, StandardCharsets.ISO_8859_1));

        RtspRequest back = assertInstanceOf(RtspRequest.class, decoder.decode(ByteBuffer.wrap(wire)));
        assertEquals(RtspMethod.SET_PARAMETER, back.method());
        assertEquals("rtsp://h/a.mp4", back.uri());
        assertEquals("7", back.cseq());
        assertEquals("12345678", back.header("Session"));
        assertArrayEquals(sent.body(), back.body());
        assertArrayEquals(wire, back.encode());
    }

    @Test
    void responseWithBodyEncodesAndDecodesBack() throws Exception {
        byte[] sdp = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\n".getBytes(StandardCharsets.US_ASCII);
        RtspResponse sent = new RtspResponse(RtspStatus.OK).header("CSeq", "2").body("application/sdp", sdp);

        ByteBuffer in = ByteBuffer.wrap(sent.encode());
        RtspResponse back = assertInstanceOf(RtspResponse.class, decoder.decode(in));
        assertEquals(0, in.remaining());
        assertEquals(200, back.code());
        assertEquals("OK", back.reason());
        assertEquals("RTSP/1.0", back.protocol());
        assertEquals("2", back.headers().get("CSeq"));
        assertEquals("application/sdp", back.headers().get("Content-Type"));
        assertArrayEquals(sdp, back.body());
        assertArrayEquals(sent.encode(), back.encode());
    }

    @Test
    void reasonPhraseKeepsItsSpacesAndHttpStatusLinesKeepTheirProtocol() throws Exception {
        RtspResponse rtsp = (RtspResponse) decoder.decode(buf("RTSP/1.0 454 Session Not Found\r\nCSeq: 3\r\n\r\n"));
        assertEquals(454, rtsp.code());
        assertEquals("Session Not Found", rtsp.reason());
        RtspResponse http = (RtspResponse) decoder.decode(buf("HTTP/1.0 200 OK\r\nContent-Type: application/x-rtsp-tunnelled\r\n\r\n"));
        assertEquals("HTTP/1.0", http.protocol());
        assertEquals(0, http.body().length);
    }

    @Test
    void responseWaitsForItsWholeBody() throws Exception {
        ByteBuffer in = buf("RTSP/1.0 200 OK\r\nCSeq: 1\r\nContent-Length: 4\r\n\r\nab");
        assertNull(decoder.decode(in));
        assertEquals(0, in.position());
    }

    @Test
    void malformedStatusLineIsRefused() {
        assertEquals(RtspStatus.BAD_REQUEST, assertThrows(RtspParseException.class,
                () -> decoder.decode(buf("RTSP/1.0 OK\r\n\r\n"))).status());
        assertEquals(RtspStatus.BAD_REQUEST, assertThrows(RtspParseException.class,
                () -> new RtspDecoder(DecoderLimits.DEFAULTS).decode(buf("RTSP/1.0 2000 OK\r\n\r\n"))).status());
    }

    @Test
    void interleavedFrameEncodesDollarChannelLength() throws Exception {
        byte[] payload = new byte[300];
        payload[299] = 42;
        byte[] wire = new InterleavedFrame(3, payload).encode();
        assertEquals(304, wire.length);
        assertArrayEquals(new byte[] {'$', 3, 1, 44}, java.util.Arrays.copyOf(wire, 4));

        InterleavedFrame back = assertInstanceOf(InterleavedFrame.class, decoder.decode(ByteBuffer.wrap(wire)));
        assertEquals(3, back.channel());
        assertArrayEquals(payload, back.payload());
    }

    @Test
    void messagesOfAllThreeKindsFollowOneAnotherOnOneConnection() throws Exception {
        byte[] response = new RtspResponse(RtspStatus.OK).header("CSeq", "4").encode();
        byte[] frame = new InterleavedFrame(0, new byte[] {1, 2, 3}).encode();
        byte[] request = RtspRequest.of(RtspMethod.OPTIONS, "*", new RtspHeaders().add("CSeq", "5")).encode();
        ByteBuffer in = ByteBuffer.allocate(response.length + frame.length + request.length);
        in.put(response).put(frame).put(request).flip();

        assertInstanceOf(RtspResponse.class, decoder.decode(in));
        assertInstanceOf(InterleavedFrame.class, decoder.decode(in));
        assertEquals("5", assertInstanceOf(RtspRequest.class, decoder.decode(in)).cseq());
        assertNull(decoder.decode(in));
    }

    @Test
    void frameOutOfRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new InterleavedFrame(256, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new InterleavedFrame(0, new byte[0x10000]));
    }
}
