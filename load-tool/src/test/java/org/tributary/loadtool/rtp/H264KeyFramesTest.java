package org.tributary.loadtool.rtp;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class H264KeyFramesTest {

    /** An RTP packet (with {@code csrcs} CSRCs) whose payload is {@code payload}, at offset 3 of its buffer. */
    private static ByteBuffer rtp(int csrcs, int... payload) {
        ByteBuffer b = ByteBuffer.allocate(3 + 12 + 4 * csrcs + payload.length);
        b.position(3);
        b.put((byte) (0x80 | csrcs)).put((byte) 96).putShort((short) 1).putInt(0).putInt(7);
        for (int i = 0; i < csrcs; i++) {
            b.putInt(i);
        }
        for (int p : payload) {
            b.put((byte) p);
        }
        return b;
    }

    private static boolean starts(ByteBuffer b) {
        return H264KeyFrames.startsKeyFrame(b, 3, b.capacity() - 3);
    }

    @Test
    void spsIdrStapAAndFuAStartsAreKeyFrames() {
        assertTrue(starts(rtp(0, 0x67, 0x42)), "SPS");
        assertTrue(starts(rtp(1, 0x65, 0x88)), "IDR after a CSRC");
        assertTrue(starts(rtp(0, 0x18, 0x00, 0x02, 0x67, 0x42, 0x00, 0x01, 0x68)), "STAP-A with an SPS");
        assertTrue(starts(rtp(0, 0x7C, 0x85, 0x00)), "FU-A start of an IDR");
    }

    @Test
    void otherPacketsAreNot() {
        assertFalse(starts(rtp(0, 0x41, 0x9A)), "a non-IDR slice");
        assertFalse(starts(rtp(0, 0x7C, 0x05, 0x00)), "FU-A middle of an IDR");
        assertFalse(starts(rtp(0, 0x7C, 0x81, 0x00)), "FU-A start of a non-IDR slice");
        assertFalse(starts(rtp(0, 0x18, 0x00, 0x01, 0x68)), "STAP-A with a PPS only");
        assertFalse(starts(rtp(0)), "no payload");
    }
}
