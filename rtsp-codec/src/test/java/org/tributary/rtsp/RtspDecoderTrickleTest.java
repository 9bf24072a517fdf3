package org.tributary.rtsp;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A head trickled in byte by byte costs work proportional to its size, not to its size squared. */
class RtspDecoderTrickleTest {

    private static final String BIG_HEAD = "OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n"
            + ("X-Filler: " + "a".repeat(90) + "\r\n").repeat(60) + "\r\n";

    @Test
    void eachByteOfATrickledHeadIsScannedOnce() throws Exception {
        RtspDecoder decoder = new RtspDecoder(DecoderLimits.DEFAULTS);
        byte[] bytes = BIG_HEAD.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer buffer = ByteBuffer.allocate(bytes.length);
        Object message = null;
        for (int i = 0; i < bytes.length; i++) {
            buffer.put(bytes[i]).flip();
            message = decoder.decode(buffer);
            if (i < bytes.length - 1) {
                assertNull(message);
                assertTrue(decoder.inMessage());
            }
            buffer.compact();
        }
        RtspRequest request = assertInstanceOf(RtspRequest.class, message);
        assertEquals("1", request.cseq());
        assertEquals(bytes.length, decoder.bytesScanned(), "every byte scanned exactly once");
    }

    @Test
    void aBodyTrickledAfterTheHeadDoesNotRescanTheHead() throws Exception {
        RtspDecoder decoder = new RtspDecoder(DecoderLimits.DEFAULTS);
        String head = "SET_PARAMETER * RTSP/1.0\r\nCSeq: 2\r\nContent-Length: 1000\r\n\r\n";
        ByteBuffer buffer = ByteBuffer.allocate(head.length() + 1000);
        buffer.put(head.getBytes(StandardCharsets.ISO_8859_1)).flip();
        assertNull(decoder.decode(buffer));
        buffer.compact();
        long afterHead = decoder.bytesScanned();
        Object message = null;
        for (int i = 0; i < 1000; i++) {
            buffer.put((byte) 'b').flip();
            message = decoder.decode(buffer);
            buffer.compact();
        }
        assertEquals(afterHead, decoder.bytesScanned(), "the head is not scanned again while the body arrives");
        assertEquals(1000, assertInstanceOf(RtspRequest.class, message).body().length);
    }

    @Test
    void twoMessagesInARowEachStartAFreshScan() throws Exception {
        RtspDecoder decoder = new RtspDecoder(DecoderLimits.DEFAULTS);
        String two = "OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\nOPTIONS * RTSP/1.0\r\nCSeq: 2\r\n\r\n";
        byte[] bytes = two.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer buffer = ByteBuffer.allocate(bytes.length);
        StringBuilder cseqs = new StringBuilder();
        for (byte b : bytes) {
            buffer.put(b).flip();
            Object message = decoder.decode(buffer);
            if (message instanceof RtspRequest request) {
                cseqs.append(request.cseq());
            }
            buffer.compact();
        }
        assertEquals("12", cseqs.toString());
    }
}
