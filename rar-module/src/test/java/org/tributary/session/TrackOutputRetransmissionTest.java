package org.tributary.session;

import org.junit.jupiter.api.Test;
import org.tributary.rtp.RtpHeader;
import org.tributary.rtp.RtxPacket;
import org.tributary.rtp.rtcp.Nack;

import java.nio.ByteBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** NACKs answered with RFC 4588 rtx packets from the history, within rtx-time, resend count and bandwidth share. */
class TrackOutputRetransmissionTest {

    private static final int RTX_PT = 97;

    private final CapturingChannel channel = new CapturingChannel();
    private final TrafficMeter meter = new TrafficMeter();
    private final TrackOutput output = new TrackOutput(0, 90000, channel, "cname@test", meter);
    private long now = 5_000_000_000L;
    private int first;

    private void sendPackets(int count, int payloadBytes) {
        output.startRun(0, 0);
        first = output.nextSequence();
        for (int i = 0; i < count; i++) {
            ByteBuffer payload = ByteBuffer.allocate(payloadBytes);
            payload.put(0, (byte) i);
            output.send(payload, i % 2 == 0, i * 3000L, 96);
        }
    }

    private void nack(long mediaSsrc, int... offsets) {
        List<Integer> lost = java.util.Arrays.stream(offsets).map(o -> (first + o) & 0xFFFF).boxed().toList();
        ByteBuffer rtcp = ByteBuffer.allocate(256);
        new Nack(0x4242, mediaSsrc, lost).write(rtcp);
        output.rtcpReceived(rtcp.flip());
    }

    private List<ByteBuffer> rtxSent() {
        return channel.rtp.stream().filter(p -> RtpHeader.parse(p).payloadType() == RTX_PT).toList();
    }

    @Test
    void aNackedPacketIsResentAsRtxThatRestoresToTheOriginal() {
        output.retransmit(RTX_PT, new RtxLimits(1000, 100, 2, 100_000), () -> now);
        sendPackets(10, 100);
        nack(output.ssrc(), 3, 7);
        List<ByteBuffer> rtx = rtxSent();
        assertEquals(2, rtx.size());
        RtpHeader a = RtpHeader.parse(rtx.get(0));
        RtpHeader b = RtpHeader.parse(rtx.get(1));
        assertEquals(output.rtxSsrc(), a.ssrc());
        assertNotEquals(output.ssrc(), a.ssrc(), "own SSRC (SSRC multiplexing)");
        assertEquals((a.sequenceNumber() + 1) & 0xFFFF, b.sequenceNumber(), "own consecutive numbering");
        assertEquals(channel.rtp.get(3), RtxPacket.restore(rtx.get(0), 96, output.ssrc()));
        assertEquals(channel.rtp.get(7), RtxPacket.restore(rtx.get(1), 96, output.ssrc()));
        assertEquals(2, output.rtxRequested());
        assertEquals(2, output.rtxSent());
        assertEquals(0, output.rtxTooLate());
        assertEquals(10 * 100 + 2 * 102, meter.bytesSent(), "resent payloads (OSN included) count in the meter");
        assertEquals(10, output.packetsSent(), "the sender report counts the original stream only");
    }

    @Test
    void aNackAboutAnotherSsrcOrWithoutRetransmissionIsIgnored() {
        sendPackets(4, 50);
        nack(output.ssrc(), 1);
        assertEquals(0, rtxSent().size(), "AVP session: no rtx");
        assertEquals(0, output.rtxRequested());
        output.retransmit(RTX_PT, new RtxLimits(1000, 100, 2, 100_000), () -> now);
        sendPackets(4, 50);
        nack(output.ssrc() ^ 1, 1);
        assertEquals(0, rtxSent().size());
        assertEquals(0, output.rtxRequested());
    }

    @Test
    void aPacketOlderThanRtxTimeOrNoLongerKeptIsTooLate() {
        output.retransmit(RTX_PT, new RtxLimits(200, 100, 2, 100_000), () -> now);
        sendPackets(5, 100);
        now += 200_000_000L;
        nack(output.ssrc(), 0);
        assertEquals(1, rtxSent().size(), "exactly rtx-time old: still resent");
        now += 1;
        nack(output.ssrc(), 1, 9);
        assertEquals(1, rtxSent().size());
        assertEquals(3, output.rtxRequested());
        assertEquals(1, output.rtxSent());
        assertEquals(2, output.rtxTooLate(), "one past rtx-time, one never sent");
    }

    @Test
    void onePacketIsResentAtMostMaxResendsTimes() {
        output.retransmit(RTX_PT, new RtxLimits(1000, 100, 2, 100_000), () -> now);
        sendPackets(5, 100);
        for (int i = 0; i < 4; i++) {
            nack(output.ssrc(), 2);
        }
        assertEquals(2, rtxSent().size());
        assertEquals(4, output.rtxRequested());
        assertEquals(2, output.rtxLimited());
    }

    @Test
    void resentBytesStayWithinTheBandwidthShare() {
        // 10 % of 20 packets of 112 bytes: 224 bytes of credit, and each rtx packet is 114 bytes
        output.retransmit(RTX_PT, new RtxLimits(1000, 10, 2, 100_000), () -> now);
        sendPackets(20, 100);
        nack(output.ssrc(), 1, 2, 3, 4);
        assertEquals(1, rtxSent().size(), "the second would pass the share");
        assertEquals(3, output.rtxLimited());
        sendPackets(10, 100); // 112 bytes more credit: 222
        nack(output.ssrc(), 5);
        assertEquals(2, rtxSent().size());
    }

    @Test
    void creditIsCappedAtTheShareOfTheHistorySize() {
        // cap: 10 % of 2000 bytes = 200, though 100 packets would earn 1120
        output.retransmit(RTX_PT, new RtxLimits(1000, 10, 2, 2000), () -> now);
        sendPackets(100, 100);
        nack(output.ssrc(), 95, 96, 97);
        assertEquals(1, rtxSent().size());
        assertEquals(2, output.rtxLimited());
    }
}
