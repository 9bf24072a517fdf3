package org.tributary.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tributary.rtp.payload.CollectingSink.bytes;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** RFC 4588 §4: an rtx packet carries the original's header fields, its OSN and its payload. */
class RtxPacketTest {

    private static final byte[] ORIGINAL = bytes(
            0x80, 0xE0, 0x12, 0x34,     // V=2, marker, PT 96, seq 0x1234
            0x00, 0x01, 0x00, 0x00,     // timestamp 65536
            0x11, 0x22, 0x33, 0x44,     // SSRC
            0xAA, 0xBB, 0xCC);          // payload

    private static byte[] rtx(byte[] original) {
        ByteBuffer dst = ByteBuffer.allocate(100);
        int n = RtxPacket.write(dst, ByteBuffer.wrap(original), 97, 0xFFFE, 0x55667788L);
        assertEquals(n, dst.position());
        return Arrays.copyOf(dst.array(), n);
    }

    @Test
    void theRtxPacketHasItsOwnTypeNumberAndSsrcAndStartsWithTheOriginalSequenceNumber() {
        byte[] expected = bytes(
                0x80, 0xE1, 0xFF, 0xFE,     // marker kept, PT 97, rtx seq 0xFFFE
                0x00, 0x01, 0x00, 0x00,     // same timestamp
                0x55, 0x66, 0x77, 0x88,     // rtx SSRC
                0x12, 0x34,                 // OSN
                0xAA, 0xBB, 0xCC);
        assertArrayEquals(expected, rtx(ORIGINAL));
    }

    @Test
    void restoringGivesTheOriginalBack() {
        ByteBuffer restored = RtxPacket.restore(ByteBuffer.wrap(rtx(ORIGINAL)), 96, 0x11223344L);
        assertArrayEquals(ORIGINAL, restored.array());
    }

    @Test
    void paddingIsNotRetransmittedButCsrcsAre() {
        byte[] padded = bytes(
                0xA1, 0x60, 0x00, 0x07,     // P=1, CC=1, PT 96, seq 7
                0, 0, 0, 9,
                0, 0, 0, 1,
                0, 0, 0, 2,                 // CSRC
                0x01, 0x02,                 // payload
                0x00, 0x02);                // two bytes of padding
        byte[] out = rtx(padded);
        assertEquals(16 + 2 + 2, out.length);
        assertEquals(0x81, out[0] & 0xFF, "P cleared, CC kept");
        RtpHeader header = RtpHeader.parse(ByteBuffer.wrap(out));
        assertEquals(java.util.List.of(2L), header.csrcs());
        assertEquals(7, ByteBuffer.wrap(out, 16, 2).getShort());
        assertEquals(0, header.paddingLength());
        assertEquals(4, header.payloadLength());
    }

    @Test
    void aBufferTooSmallGetsNothing() {
        ByteBuffer dst = ByteBuffer.allocate(ORIGINAL.length + 1);
        assertThrows(BufferOverflowException.class,
                () -> RtxPacket.write(dst, ByteBuffer.wrap(ORIGINAL), 97, 1, 2));
        assertEquals(0, dst.position());
    }

    @Test
    void anRtxPacketWithoutOsnIsMalformed() {
        byte[] bare = Arrays.copyOf(ORIGINAL, 13);
        MalformedPacketException e = assertThrows(MalformedPacketException.class,
                () -> RtxPacket.restore(ByteBuffer.wrap(bare), 96, 1));
        assertTrue(e.getMessage().contains("original sequence number"), e.getMessage());
    }
}
