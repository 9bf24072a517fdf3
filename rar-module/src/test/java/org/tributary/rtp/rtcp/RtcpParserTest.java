package org.tributary.rtp.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tributary.rtp.payload.CollectingSink.bytes;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tributary.rtp.MalformedPacketException;

class RtcpParserTest {
    static final byte[] RR_AND_SDES = bytes(
            0x81, 0xC9, 0x00, 0x07,             // RR, RC=1, 7 words + 1
            0x11, 0x22, 0x33, 0x44,             // reporter SSRC
            0x01, 0x02, 0x03, 0x04,             // source SSRC
            0x40, 0xFF, 0xFF, 0xFE,             // fraction 64/256, cumulative -2
            0x00, 0x01, 0x00, 0x05,             // 1 cycle, highest seq 5
            0x00, 0x00, 0x00, 0x20,             // jitter 32
            0x12, 0x34, 0x56, 0x78,             // LSR
            0x00, 0x01, 0x00, 0x00,             // DLSR 1 s
            0x81, 0xCA, 0x00, 0x03,             // SDES
            0x11, 0x22, 0x33, 0x44,
            0x01, 0x02, 'r', 'x', 0x00, 0x00, 0x00, 0x00);

    @Test
    void receiverReportAndSdes() {
        RtcpCompound c = RtcpParser.parse(ByteBuffer.wrap(RR_AND_SDES));
        assertEquals(List.of(new ReceptionReport(0x11223344L, 0x01020304L, 64, -2, 0x00010005L, 32,
                0x12345678L, 0x10000L)), c.receptionReports());
        assertEquals(List.of(new Cname(0x11223344L, "rx")), c.cnames());
        assertEquals(0, c.otherPackets());
    }

    @Test
    void roundTripTimeFromReport() {
        long now = 1_700_000_000_000L;
        long lsr = NtpTime.fromMillis(now - 1500).compact();
        ReceptionReport r = new ReceptionReport(1, 2, 0, 0, 0, 0, lsr, 65536); // held 1 s
        long rtt = r.roundTripMillis(now);
        assertTrue(rtt >= 499 && rtt <= 501, "rtt " + rtt);
        assertEquals(-1, new ReceptionReport(1, 2, 0, 0, 0, 0, 0, 0).roundTripMillis(now));
    }

    @Test
    void genericNackExpandsBlp() {
        byte[] nack = bytes(
                0x80, 0xC9, 0x00, 0x01, 0x00, 0x00, 0x00, 0x09,  // empty RR
                0x81, 0xCD, 0x00, 0x04,                          // RTPFB FMT=1, 4 words + 1
                0x00, 0x00, 0x00, 0x09,                          // sender
                0xAB, 0xCD, 0xEF, 0x01,                          // media source
                0x00, 0x64, 0x80, 0x05,                          // PID 100, BLP bits 0, 2, 15
                0xFF, 0xFF, 0x00, 0x01);                         // PID 65535, BLP bit 0 -> wraps to 0
        RtcpCompound c = RtcpParser.parse(ByteBuffer.wrap(nack));
        assertEquals(1, c.nacks().size());
        assertEquals(0xABCDEF01L, c.nacks().get(0).mediaSsrc());
        assertEquals(List.of(100, 101, 103, 116, 65535, 0), c.nackedSequenceNumbers());
    }

    @Test
    void appByeAndUnknownFeedback() {
        byte[] packet = bytes(
                0x80, 0xC9, 0x00, 0x01, 0, 0, 0, 1,
                0x83, 0xCC, 0x00, 0x03, 0, 0, 0, 1, 'T', 'R', 'I', 'B', 1, 2, 3, 4, // APP subtype 3
                0x81, 0xCE, 0x00, 0x02, 0, 0, 0, 1, 0, 0, 0, 2,                     // PSFB PLI
                0x81, 0xCB, 0x00, 0x01, 0, 0, 0, 1);                                // BYE
        RtcpCompound c = RtcpParser.parse(ByteBuffer.wrap(packet));
        assertEquals(List.of(new AppPacket(3, 1, "TRIB", 4)), c.appPackets());
        assertEquals(List.of(1L), c.byeSsrcs());
        assertEquals(1, c.otherPackets());
    }

    @Test
    void lengthRunningPastTheBufferIsRejected() {
        byte[] bad = bytes(0x80, 0xC9, 0x00, 0x05, 0, 0, 0, 1, 0, 0, 0, 0);
        MalformedPacketException e = assertThrows(MalformedPacketException.class,
                () -> RtcpParser.parse(ByteBuffer.wrap(bad)));
        assertTrue(e.getMessage().contains("length"), e.getMessage());
    }

    @Test
    void otherMalformedPackets() {
        assertMalformed("report blocks", 0x82, 0xC9, 0x00, 0x07, 0, 0, 0, 1,       // RC=2 but room for 1
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertMalformed("truncated", 0x80, 0xC9, 0x00, 0x01, 0, 0, 0, 1, 0x80, 0xC9);
        assertMalformed("version", 0x40, 0xC9, 0x00, 0x01, 0, 0, 0, 1);
        assertMalformed("terminating", 0x81, 0xCA, 0x00, 0x02, 0, 0, 0, 1, 0x01, 0x02, 'a', 'b');
        assertMalformed("SDES item", 0x81, 0xCA, 0x00, 0x02, 0, 0, 0, 1, 0x01, 0x09, 'a', 'b');
        assertMalformed("padding", 0xA0, 0xC9, 0x00, 0x01, 0, 0, 0, 9);
        assertMalformed("BYE reason", 0x81, 0xCB, 0x00, 0x02, 0, 0, 0, 1, 0x08, 'a', 'b', 'c');
        assertMalformed("empty");
    }

    @Test
    void randomGarbageNeverEscapesAsAnotherException() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] garbage = new byte[random.nextInt(64)];
            random.nextBytes(garbage);
            if (garbage.length > 0 && random.nextBoolean()) {
                garbage[0] = (byte) (0x80 | (garbage[0] & 0x3F)); // mostly valid version
            }
            try {
                RtcpParser.parse(ByteBuffer.wrap(garbage));
            } catch (MalformedPacketException expected) {
                // fine: rejected with a reason
            }
        }
    }

    private static void assertMalformed(String word, int... packet) {
        MalformedPacketException e = assertThrows(MalformedPacketException.class,
                () -> RtcpParser.parse(ByteBuffer.wrap(bytes(packet))));
        assertTrue(e.getMessage().contains(word), e.getMessage());
    }
}
