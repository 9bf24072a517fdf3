package org.tributary.rtp.payload.nal;

import org.junit.jupiter.api.Test;
import org.tributary.rtp.payload.h264.H264NalSyntax;
import org.tributary.rtp.payload.h265.H265NalSyntax;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NalRandomAccessTest {

    private static ByteBuffer bytes(int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length);
        for (int v : values) {
            buffer.put((byte) v);
        }
        return buffer.flip();
    }

    @Test
    void h264SpsStartsTheJoinPointAndTheIdrOfTheSameAccessUnitDoesNotStartAnother() {
        NalRandomAccess detector = new NalRandomAccess(H264NalSyntax.INSTANCE);
        assertTrue(detector.startsJoinPoint(bytes(0x67, 0x42, 0x00, 0x1E), 3000));
        assertFalse(detector.startsJoinPoint(bytes(0x68, 0xCE), 3000));
        assertFalse(detector.startsJoinPoint(bytes(0x65, 0x88, 0x84), 3000));
        assertFalse(detector.startsJoinPoint(bytes(0x41, 0x9A), 6000), "a non-IDR slice");
        assertTrue(detector.startsJoinPoint(bytes(0x65, 0x88), 9000), "an IDR without parameter sets before it");
    }

    @Test
    void h264FragmentsStartAJoinPointOnlyAtTheStartOfAnIdr() {
        NalRandomAccess detector = new NalRandomAccess(H264NalSyntax.INSTANCE);
        assertFalse(detector.startsJoinPoint(bytes(0x7C, 0x41, 0x00), 100), "FU-A start of a non-IDR slice");
        assertFalse(detector.startsJoinPoint(bytes(0x7C, 0x05, 0x00), 200), "FU-A middle of an IDR");
        assertTrue(detector.startsJoinPoint(bytes(0x7C, 0x85, 0x00), 300), "FU-A start of an IDR");
        assertFalse(detector.startsJoinPoint(bytes(0x7C, 0x45, 0x00), 300), "FU-A end of the same IDR");
        assertFalse(detector.startsJoinPoint(bytes(0x7C), 400), "a truncated fragment");
    }

    @Test
    void h264StapAWithParameterSetsIsAJoinPoint() {
        NalRandomAccess detector = new NalRandomAccess(H264NalSyntax.INSTANCE);
        // STAP-A: SEI (6) then SPS (7).
        assertTrue(detector.startsJoinPoint(bytes(0x18, 0x00, 0x02, 0x06, 0x05, 0x00, 0x02, 0x67, 0x42), 10));
        // STAP-A of two non-IDR slices; and one whose size runs past the end.
        assertFalse(detector.startsJoinPoint(bytes(0x18, 0x00, 0x02, 0x41, 0x00, 0x00, 0x02, 0x41, 0x00), 20));
        assertFalse(detector.startsJoinPoint(bytes(0x18, 0x00, 0x09, 0x41, 0x00, 0x00, 0x02, 0x67, 0x42), 30));
    }

    @Test
    void h265IrapAndParameterSetsAreJoinPoints() {
        NalRandomAccess detector = new NalRandomAccess(H265NalSyntax.INSTANCE);
        assertTrue(detector.startsJoinPoint(bytes(32 << 1, 0x01, 0x0C), 1), "VPS");
        assertFalse(detector.startsJoinPoint(bytes(33 << 1, 0x01, 0x01), 1), "SPS of the same access unit");
        assertFalse(detector.startsJoinPoint(bytes(1 << 1, 0x01, 0xAF), 2), "a TRAIL_R slice");
        // FU (type 49) starting an IDR_W_RADL (19).
        assertTrue(detector.startsJoinPoint(bytes(49 << 1, 0x01, 0x80 | 19, 0xAF), 3));
        assertFalse(detector.startsJoinPoint(bytes(49 << 1, 0x01, 0x80 | 1, 0xAF), 4), "FU start of a TRAIL_R");
        assertEquals(2, H265NalSyntax.INSTANCE.headerSize());
    }

    @Test
    void anEmptyPayloadIsNoJoinPoint() {
        assertFalse(new NalRandomAccess(H264NalSyntax.INSTANCE).startsJoinPoint(ByteBuffer.allocate(0), 0));
    }
}
