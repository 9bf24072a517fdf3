package org.tributary.loadtool.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class H264RtpGeneratorTest {
    private static final int MAX_PAYLOAD = 1400;

    @Test
    void everyGopStartsWithSpsPpsAndAnIdrAndOtherFramesAreOneNonIdrSlice() {
        H264RtpGenerator g = new H264RtpGenerator(2_000_000, 25, 10, MAX_PAYLOAD, 0x1234, 1);
        for (int f = 0; f < 30; f++) {
            List<ByteBuffer> frame = g.nextFrame();
            if (f % 10 == 0) {
                assertArrayEquals(H264RtpGenerator.SPS, payload(frame.get(0)), "frame " + f);
                assertArrayEquals(H264RtpGenerator.PPS, payload(frame.get(1)), "frame " + f);
                assertEquals(5, fuType(frame.get(2)), "frame " + f);
            } else {
                assertEquals(1, fuType(frame.get(0)), "frame " + f);
            }
        }
    }

    @Test
    void sequenceNumbersAreConsecutiveAndTimestampsStep90kHzPerFrame() {
        H264RtpGenerator g = new H264RtpGenerator(1_000_000, 30, 30, MAX_PAYLOAD, 7, 2);
        int expectedSeq = -1;
        long firstTs = -1;
        for (int f = 0; f < 61; f++) {
            for (ByteBuffer p : g.nextFrame()) {
                int seq = p.getShort(2) & 0xFFFF;
                if (expectedSeq >= 0) {
                    assertEquals(expectedSeq, seq);
                }
                expectedSeq = (seq + 1) & 0xFFFF;
                long ts = p.getInt(4) & 0xFFFFFFFFL;
                if (firstTs < 0) {
                    firstTs = ts;
                }
                assertEquals((firstTs + f * 3000L) & 0xFFFFFFFFL, ts, "frame " + f);
                assertEquals(7, p.getInt(8));
                assertEquals(0x80, p.get(0) & 0xFF);
                assertEquals(96, p.get(1) & 0x7F);
            }
        }
    }

    @Test
    void largeSlicesAreFuAFragmentsThatReassembleAndOnlyTheLastPacketOfAFrameHasTheMarker() {
        H264RtpGenerator g = new H264RtpGenerator(4_000_000, 25, 25, MAX_PAYLOAD, 1, 3);
        List<ByteBuffer> idrFrame = g.nextFrame();
        List<ByteBuffer> fragments = idrFrame.subList(2, idrFrame.size());
        assertTrue(fragments.size() > 2, "IDR of ~58 kB must be fragmented");
        ByteBuffer reassembled = ByteBuffer.allocate(1 << 20);
        for (int i = 0; i < fragments.size(); i++) {
            byte[] pl = payload(fragments.get(i));
            assertTrue(pl.length <= MAX_PAYLOAD);
            assertEquals(28, pl[0] & 0x1F, "FU-A indicator");
            assertEquals(0x60, pl[0] & 0xE0, "NRI of the IDR");
            assertEquals(i == 0, (pl[1] & 0x80) != 0, "start bit " + i);
            assertEquals(i == fragments.size() - 1, (pl[1] & 0x40) != 0, "end bit " + i);
            assertEquals(5, pl[1] & 0x1F);
            if (i == 0) {
                reassembled.put((byte) ((pl[0] & 0xE0) | (pl[1] & 0x1F)));
            }
            reassembled.put(pl, 2, pl.length - 2);
        }
        assertEquals(H264RtpGenerator.IDR_WEIGHT * sliceSize(g), reassembled.position());
        for (int i = 0; i < idrFrame.size(); i++) {
            assertEquals(i == idrFrame.size() - 1, marker(idrFrame.get(i)), "marker of packet " + i);
        }
    }

    @Test
    void averageBitrateMatchesTheRequestedOneOverAGop() {
        H264RtpGenerator g = new H264RtpGenerator(1_500_000, 25, 50, MAX_PAYLOAD, 1, 4);
        long payloadBytes = 0;
        for (int f = 0; f < 50; f++) {
            for (ByteBuffer p : g.nextFrame()) {
                payloadBytes += p.remaining() - 12;
            }
        }
        double bps = payloadBytes * 8 / 2.0;
        assertTrue(Math.abs(bps - 1_500_000) < 1_500_000 * 0.02, "measured " + bps);
    }

    @Test
    void smallSlicesGoAsSingleNalPackets() {
        H264RtpGenerator g = new H264RtpGenerator(100_000, 25, 5, MAX_PAYLOAD, 1, 5);
        g.nextFrame();
        List<ByteBuffer> p = g.nextFrame();
        assertEquals(1, p.size());
        assertEquals(0x41, payload(p.get(0))[0]);
        assertTrue(marker(p.get(0)));
        assertFalse(Arrays.equals(H264RtpGenerator.SPS, payload(p.get(0))));
    }

    @Test
    void fmtpCarriesTheParameterSets() {
        String fmtp = H264RtpGenerator.fmtp();
        String sets = fmtp.substring(fmtp.indexOf("sprop-parameter-sets=") + 21);
        assertArrayEquals(H264RtpGenerator.SPS, Base64.getDecoder().decode(sets.split(",")[0]));
        assertEquals(7, H264RtpGenerator.SPS[0] & 0x1F);
        assertEquals(8, H264RtpGenerator.PPS[0] & 0x1F);
    }

    @Test
    void impossibleSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new H264RtpGenerator(1_000_000, 0, 25, 1400, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new H264RtpGenerator(1_000_000, 25, 25, 50, 1, 1));
    }

    /** The size of the next frame's (non-IDR) slice, reassembled from its FU-A fragments. */
    private static int sliceSize(H264RtpGenerator g) {
        List<ByteBuffer> fragments = g.nextFrame();
        return 1 + fragments.stream().mapToInt(p -> p.remaining() - 12 - 2).sum();
    }

    private static boolean marker(ByteBuffer p) {
        return (p.get(1) & 0x80) != 0;
    }

    /** The NAL type, or for FU-A the type of the fragmented NAL. */
    private static int fuType(ByteBuffer p) {
        byte[] pl = payload(p);
        int type = pl[0] & 0x1F;
        return type == 28 ? pl[1] & 0x1F : type;
    }

    private static byte[] payload(ByteBuffer p) {
        byte[] b = new byte[p.remaining() - 12];
        p.duplicate().position(12).get(b);
        return b;
    }
}
