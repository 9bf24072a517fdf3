package org.tributary.rtp.rtcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tributary.rtp.payload.CollectingSink.bytes;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Generic NACK (RFC 4585 §6.2.1): packing sequence numbers into PID+BLP and reading them back. */
class NackTest {

    private static byte[] written(Nack nack) {
        ByteBuffer dst = ByteBuffer.allocate(200);
        int n = nack.write(dst);
        assertEquals(n, dst.position());
        return Arrays.copyOf(dst.array(), n);
    }

    @Test
    void numbersWithin16OfThePidBecomeBitsOfItsBlp() {
        byte[] expected = bytes(
                0x81, 0xCD, 0x00, 0x03,     // V=2, FMT=1, PT=205 (RTPFB), length 3 words + 1
                0x00, 0x00, 0x12, 0x34,     // sender SSRC
                0xAB, 0xCD, 0xEF, 0x01,     // media SSRC
                0x03, 0xE8, 0x80, 0x05);    // PID 1000, BLP bits 0, 2 and 15: 1001, 1003, 1016
        assertArrayEquals(expected, written(new Nack(0x1234, 0xABCDEF01L, List.of(1000, 1001, 1003, 1016))));
    }

    @Test
    void aNumberFurtherAwayStartsANewPairAndRepeatsAreDropped() {
        byte[] packet = written(new Nack(1, 2, List.of(10, 10, 27, 28, 100)));
        assertEquals(12 + 3 * 4, packet.length, "10 | 27 (17 after 10) +28 | 100");
        ByteBuffer fci = ByteBuffer.wrap(packet, 12, 12);
        assertEquals((10 << 16), fci.getInt());
        assertEquals((27 << 16) | 1, fci.getInt());
        assertEquals((100 << 16), fci.getInt());
    }

    @Test
    void theBitmaskFollowsTheSequenceNumberAcrossItsWrap() {
        byte[] packet = written(new Nack(1, 2, List.of(65535, 0, 1)));
        assertEquals(16, packet.length);
        assertEquals(0xFFFF0003, ByteBuffer.wrap(packet, 12, 4).getInt());
    }

    @Test
    void theParserReadsBackWhatWasWritten() {
        Nack nack = new Nack(0x1234, 0x5678, List.of(65530, 65531, 65535, 2, 40, 56));
        RtcpCompound parsed = RtcpParser.parse(ByteBuffer.wrap(written(nack)));
        assertEquals(List.of(nack), parsed.nacks());
    }

    @Test
    void aBufferTooSmallGetsNothing() {
        ByteBuffer dst = ByteBuffer.allocate(15);
        assertThrows(BufferOverflowException.class, () -> new Nack(1, 2, List.of(5)).write(dst));
        assertEquals(0, dst.position());
    }
}
