package org.tributary.session;

import org.junit.jupiter.api.Test;
import org.tributary.rtp.RtpHeader;
import org.tributary.rtp.payload.h264.H264FrameRoles;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Thinning through a track: which H.264 units reach the channel at each level, that sequence numbers stay
 * gapless, and that leaving key-frames-only waits for a key frame.
 */
class TrackOutputThinningTest {

    private static final int PT = 96;

    private final CapturingChannel channel = new CapturingChannel();
    private final TrackOutput output = new TrackOutput(0, 90000, channel, "cname@test");

    TrackOutputThinningTest() {
        output.thin(H264FrameRoles.INSTANCE, new ThinningPolicy(10, 0), "[test] ");
        output.startRun(0, 0);
    }

    private static ByteBuffer payload(int... bytes) {
        ByteBuffer buffer = ByteBuffer.allocate(bytes.length);
        for (int b : bytes) {
            buffer.put((byte) b);
        }
        return buffer.flip();
    }

    /** One GOP: IDR, P, a non-reference B in two FU-A fragments, P; timestamps 0, 3000, 6000, 9000. */
    private void sendGop(long base) {
        output.send(payload(0x65, 0x01), true, base, PT);
        output.send(payload(0x41, 0x02), true, base + 3000, PT);
        output.send(payload(0x1C, 0x81, 0x03), false, base + 6000, PT);
        output.send(payload(0x1C, 0x41, 0x04), true, base + 6000, PT);
        output.send(payload(0x41, 0x05), true, base + 9000, PT);
    }

    private void report(int lossPercent) {
        ByteBuffer rr = ByteBuffer.allocate(32);
        rr.put((byte) 0x81).put((byte) 201).putShort((short) 7).putInt(0x1234);
        rr.putInt((int) output.ssrc()).putInt((lossPercent * 256 / 100) << 24).putInt(1000).putInt(0).putInt(0)
                .putInt(0);
        output.rtcpReceived(rr.flip());
    }

    /** The last payload byte of every packet sent since {@code from} (each test unit has a distinct one). */
    private List<Integer> markersSince(int from) {
        List<Integer> markers = new ArrayList<>();
        for (ByteBuffer packet : channel.rtp.subList(from, channel.rtp.size())) {
            markers.add((int) packet.get(packet.limit() - 1));
        }
        return markers;
    }

    @Test
    void eachLevelDropsWhatItMayAndRecoveryWaitsForAKeyFrame() {
        sendGop(0);
        assertEquals(List.of(1, 2, 3, 4, 5), markersSince(0), "no loss: everything");

        report(20);
        int before = channel.rtp.size();
        sendGop(12_000);
        assertEquals(List.of(1, 2, 5), markersSince(before), "non-reference: both B fragments dropped");

        report(20);
        before = channel.rtp.size();
        sendGop(24_000);
        assertEquals(List.of(1), markersSince(before), "key frames only");

        report(0); // back to non-reference in the middle of a GOP: its P frames refer to dropped ones
        before = channel.rtp.size();
        output.send(payload(0x41, 0x06), true, 36_000, PT);
        sendGop(39_000);
        assertEquals(List.of(1, 2, 5), markersSince(before), "nothing before the next key frame");

        report(0);
        before = channel.rtp.size();
        sendGop(51_000);
        assertEquals(List.of(1, 2, 3, 4, 5), markersSince(before), "recovered");

        assertEquals(4, output.thinningChanges());
        assertEquals(1 + 3 + 2, output.thinnedFrames(), "B at 18000; P, B, P at 27000..33000; P at 36000, B at 45000");
        int sequence = RtpHeader.parse(channel.rtp.get(0)).sequenceNumber();
        for (ByteBuffer packet : channel.rtp) {
            assertEquals(sequence, RtpHeader.parse(packet).sequenceNumber(), "no gap in the sequence numbers");
            sequence = (sequence + 1) & 0xFFFF;
        }
    }

    @Test
    void anUnthinnedTrackSendsEverythingWhateverTheReports() {
        TrackOutput plain = new TrackOutput(0, 90000, channel, "cname@test");
        plain.startRun(0, 0);
        plain.send(payload(0x01, 0x07), true, 0, PT);
        assertEquals(1, channel.rtp.size());
        assertEquals(0, plain.thinnedFrames());
    }
}
