package org.tributary.session;

import org.junit.jupiter.api.Test;
import org.tributary.rtp.RtpHeader;
import org.tributary.rtp.rtcp.Cname;
import org.tributary.rtp.rtcp.RtcpCompound;
import org.tributary.rtp.rtcp.RtcpParser;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RTP numbering of one track across PLAYs, drops, RTCP and the retransmission history. */
class TrackOutputTest {

    private final CapturingChannel channel = new CapturingChannel();
    private final TrafficMeter meter = new TrafficMeter();
    private final TrackOutput output = new TrackOutput(0, 90000, channel, "cname@test", meter);

    private static ByteBuffer payload(int... bytes) {
        ByteBuffer buffer = ByteBuffer.allocate(bytes.length);
        for (int b : bytes) {
            buffer.put((byte) b);
        }
        return buffer.flip();
    }

    @Test
    void packetsCarryTheSessionsSsrcConsecutiveSequenceNumbersAndShiftedTimestamps() {
        long rtpTime = output.startRun(2_000_000, 0); // PLAY at npt 2 s
        int firstSeq = output.nextSequence();
        output.send(payload(1, 2, 3), true, 180_000, 96); // the source timestamp of 2 s
        output.send(payload(4), false, 183_000, 96);
        RtpHeader first = RtpHeader.parse(channel.rtp.get(0));
        RtpHeader second = RtpHeader.parse(channel.rtp.get(1));
        assertEquals(output.ssrc(), first.ssrc());
        assertEquals(firstSeq, first.sequenceNumber());
        assertEquals((firstSeq + 1) & 0xFFFF, second.sequenceNumber());
        assertEquals(rtpTime, first.timestamp(), "npt 2 s goes out as the RTP-Info rtptime");
        assertEquals((rtpTime + 3000) & 0xFFFFFFFFL, second.timestamp());
        assertTrue(first.marker());
        assertEquals(96, first.payloadType());
        assertEquals(3, first.payloadLength());
        assertEquals(2, output.packetsSent());
        assertEquals(4, output.octetsSent());
        assertEquals(4, meter.bytesSent());
    }

    @Test
    void aLaterPlayKeepsTimestampsGoingForwardWithWallTime() {
        long first = output.startRun(5_000_000, 0);
        long again = output.startRun(0, 1_000_000); // seek back to 0, one second of wall time later
        assertEquals((first + 90_000) & 0xFFFFFFFFL, again);
    }

    @Test
    void aRefusedPacketIsCountedAsDroppedAndStillUsesItsSequenceNumber() {
        output.startRun(0, 0);
        int seq = output.nextSequence();
        channel.refuse = true;
        output.send(payload(1), false, 0, 96);
        channel.refuse = false;
        output.send(payload(2), false, 0, 96);
        assertEquals(1, output.packetsDropped());
        assertEquals(1, output.packetsSent());
        assertEquals((seq + 1) & 0xFFFF, RtpHeader.parse(channel.rtp.get(0)).sequenceNumber(),
                "the client sees the gap as a loss");
    }

    @Test
    void aSenderReportIsSentOnlyOncePacketsWereSentAndByeNamesOurSsrc() {
        output.startRun(0, 0);
        output.sendSenderReport(0);
        assertEquals(0, channel.rtcp.size());
        output.send(payload(1, 2), false, 0, 96);
        output.sendSenderReport(1_000_000);
        output.sendBye("teardown");
        assertEquals(2, channel.rtcp.size());
        assertEquals(200, channel.rtcp.get(0).get(1) & 0xFF, "SR");
        assertEquals(output.ssrc(), channel.rtcp.get(0).getInt(4) & 0xFFFFFFFFL);
        RtcpCompound bye = RtcpParser.parse(channel.rtcp.get(1));
        assertEquals(java.util.List.of(new Cname(output.ssrc(), "cname@test")), bye.cnames());
        assertEquals(java.util.List.of(output.ssrc()), bye.byeSsrcs());
    }

    @Test
    void theHistoryFindsRecentPacketsAsTheyWentOut() {
        output.keepHistory(4, 10_000);
        output.startRun(0, 0);
        int seq = output.nextSequence();
        for (int i = 0; i < 6; i++) {
            output.send(payload(i, i), false, i * 3000L, 96);
        }
        assertNull(output.sentPacket(seq), "beyond the count bound");
        assertNull(output.sentPacket(seq + 1));
        for (int i = 2; i < 6; i++) {
            ByteBuffer kept = output.sentPacket((seq + i) & 0xFFFF);
            assertEquals(channel.rtp.get(i), kept, "packet " + i + " as sent, header included");
        }
        assertNull(output.sentPacket((seq + 6) & 0xFFFF), "not sent yet");
    }

    @Test
    void withoutHistoryNothingIsKept() {
        output.startRun(0, 0);
        int seq = output.nextSequence();
        output.send(payload(1), false, 0, 96);
        assertNull(output.sentPacket(seq));
    }

    @Test
    void aReceiverReportAboutOurSsrcIsRecorded() {
        ByteBuffer rr = ByteBuffer.allocate(32);
        rr.put((byte) 0x81).put((byte) 201).putShort((short) 7).putInt(0x1234); // RR from SSRC 0x1234, one block
        rr.putInt((int) output.ssrc()).putInt((64 << 24) | 5).putInt(1000).putInt(90).putInt(0).putInt(0);
        rr.flip();
        assertTrue(output.rtcpReceived(rr));
        assertEquals(64, output.fractionLost());
        assertEquals(5, output.cumulativeLost());
        assertEquals(1.0, output.jitterMillis(), 1e-9);
        assertEquals(1, output.receiverReports());
        assertEquals(32, output.rtcpBytesReceived());
        assertFalse(output.rtcpReceived(ByteBuffer.wrap(new byte[] {1, 2, 3})), "garbage is no report");
    }

    @Test
    void theAdapterCountsTheLossClientsReportOnceAndTheRtcpItReceives() {
        output.rtcpReceived(receiverReport(5));
        output.rtcpReceived(receiverReport(5));
        output.rtcpReceived(receiverReport(12));
        assertEquals(12, meter.packetsLostReported(), "the growth of the cumulative loss, not the sum of reports");
        assertEquals(3, meter.packetsReceived());
        assertEquals(96, meter.bytesReceived());
    }

    private ByteBuffer receiverReport(int cumulativeLost) {
        ByteBuffer rr = ByteBuffer.allocate(32);
        rr.put((byte) 0x81).put((byte) 201).putShort((short) 7).putInt(0x1234);
        rr.putInt((int) output.ssrc()).putInt((10 << 24) | cumulativeLost).putInt(1000).putInt(90).putInt(0).putInt(0);
        return rr.flip();
    }
}
