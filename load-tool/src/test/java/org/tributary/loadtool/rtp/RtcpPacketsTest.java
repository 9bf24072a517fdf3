package org.tributary.loadtool.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtcpPacketsTest {

    @Test
    void receiverReportRoundTripsItsFields() {
        ReceptionReport r = new ReceptionReport(0xCAFEBABEL, 64, 7, 65999, 90, 0x12345678L, 65536);
        ByteBuffer packet = RtcpPackets.receiverReport(0xDEADBEEFL, List.of(r), "load@127.0.0.1");
        assertEquals(0, packet.remaining() % 4);
        assertEquals(0x81, packet.get(0) & 0xFF);               // V=2, RC=1
        assertEquals(RtcpPackets.PT_RR, packet.get(1) & 0xFF);
        assertEquals(7, packet.getShort(2));                    // (8 + 24) / 4 - 1
        assertEquals(0xDEADBEEF, packet.getInt(4));
        assertEquals(RtcpPackets.PT_SDES, packet.get(33) & 0xFF);
        int sdesWords = packet.getShort(34) & 0xFFFF;
        assertEquals(packet.remaining(), 32 + (sdesWords + 1) * 4);
        List<ReceptionReport> parsed = RtcpPackets.reportBlocks(packet, 0, packet.remaining());
        assertEquals(List.of(r), parsed);
    }

    @Test
    void cumulativeLostIsClampedTo24BitSigned() {
        ReceptionReport r = new ReceptionReport(1, 0, 1L << 30, 0, 0, 0, 0);
        ByteBuffer packet = RtcpPackets.receiverReport(2, List.of(r), "x");
        assertEquals(0x7FFFFF, RtcpPackets.reportBlocks(packet, 0, packet.remaining()).get(0).cumulativeLost());
    }

    @Test
    void senderReportGivesMiddleBitsForLsr() {
        ByteBuffer sr = ByteBuffer.allocate(28);
        sr.put((byte) 0x80).put((byte) RtcpPackets.PT_SR).putShort((short) 6);
        sr.putInt(0x11111111).putInt(0xAABBCCDD).putInt(0xEEFF0011).putInt(1234).putInt(10).putInt(1000);
        List<RtcpPackets.SenderReportInfo> list = RtcpPackets.senderReports(sr, 0, 28);
        assertEquals(1, list.size());
        assertEquals(0x11111111L, list.get(0).ssrc());
        assertEquals(0xCCDDEEFFL, list.get(0).middle32());
        assertEquals(32768, NtpTime.toDlsrUnits(500_000_000L));   // 0.5 s in 1/65536 s
    }

    @Test
    void trackReportCarriesLsrAndLossOfItsSource() {
        TrackReceiver track = new TrackReceiver("video", 90000);
        ByteBuffer rtp = ByteBuffer.allocate(20);
        for (int seq : new int[] {1, 2, 4}) {
            rtp.clear();
            rtp.put(0, (byte) 0x80).put(1, (byte) 96).putShort(2, (short) seq).putInt(4, seq * 3000)
                    .putInt(8, 0x0A0B0C0D);
            track.onRtp(rtp, 0, 20, seq * 33_000_000L);
        }
        ByteBuffer sr = ByteBuffer.allocate(28);
        sr.put((byte) 0x80).put((byte) RtcpPackets.PT_SR).putShort((short) 6);
        sr.putInt(0x0A0B0C0D).putInt(0x00010002).putInt(0x00030004).putInt(0).putInt(3).putInt(60);
        track.onRtcp(sr, 0, 28, 1_000_000_000L);
        ByteBuffer rr = track.nextReceiverReport(1_250_000_000L, "c");
        ReceptionReport block = RtcpPackets.reportBlocks(rr, 0, rr.remaining()).get(0);
        assertEquals(0x0A0B0C0DL, block.sourceSsrc());
        assertEquals(1, block.cumulativeLost());
        assertEquals(4, block.extendedHighest());
        assertEquals(64, block.fractionLost());
        assertEquals(0x00020003L, block.lastSr());
        assertEquals(16384, block.delaySinceLastSr());
    }
}
