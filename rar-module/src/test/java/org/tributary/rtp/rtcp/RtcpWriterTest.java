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

class RtcpWriterTest {
    @Test
    void ntpTimeFromMillis() {
        assertEquals(new NtpTime(0x83AA7E80L, 0), NtpTime.fromMillis(0));
        NtpTime t = NtpTime.fromMillis(1500);
        assertEquals(new NtpTime(0x83AA7E81L, 0x80000000L), t);
        assertEquals(0x83AA7E8180000000L, t.toLong());
        assertEquals(0x7E818000L, t.compact());
        assertEquals(new NtpTime(0x83AA7E7FL, 0x80000000L), NtpTime.fromMillis(-500));
    }

    @Test
    void senderReportCompoundBytes() {
        ByteBuffer dst = ByteBuffer.allocate(100);
        int n = SenderReport.writeCompound(dst, 0x01020304L, 1500, 0xAABBCCDDL, 10, 1000, "ab");

        byte[] expected = bytes(
                0x80, 0xC8, 0x00, 0x06,              // V=2, RC=0, PT=200, length 6 words + 1
                0x01, 0x02, 0x03, 0x04,              // SSRC
                0x83, 0xAA, 0x7E, 0x81,              // NTP seconds (1970-01-01T00:00:01.5Z)
                0x80, 0x00, 0x00, 0x00,              // NTP fraction 0.5
                0xAA, 0xBB, 0xCC, 0xDD,              // RTP timestamp
                0x00, 0x00, 0x00, 0x0A,              // packet count
                0x00, 0x00, 0x03, 0xE8,              // octet count
                0x81, 0xCA, 0x00, 0x03,              // SDES, SC=1, length 3
                0x01, 0x02, 0x03, 0x04,
                0x01, 0x02, 'a', 'b', 0x00, 0x00, 0x00, 0x00); // CNAME item, null terminator + padding
        assertEquals(expected.length, n);
        assertArrayEquals(expected, Arrays.copyOf(dst.array(), dst.position()));
    }

    @Test
    void sdesAlwaysHasANullTerminator() {
        ByteBuffer dst = ByteBuffer.allocate(100);
        assertEquals(16, Sdes.writeCname(dst, 1, "abc")); // 2 + 3 + 1 null = 6 -> 8
        assertEquals(0, dst.get(15));
        assertEquals(20, Sdes.cnameSize("abcdef"));        // 2 + 6 = 8, needs a null -> 12
    }

    @Test
    void byeCompoundStartsWithEmptyReceiverReport() {
        ByteBuffer dst = ByteBuffer.allocate(100);
        int n = Bye.writeCompound(dst, 0x01020304L, "ab", "bye");
        byte[] expected = bytes(
                0x80, 0xC9, 0x00, 0x01, 0x01, 0x02, 0x03, 0x04,
                0x81, 0xCA, 0x00, 0x03, 0x01, 0x02, 0x03, 0x04, 0x01, 0x02, 'a', 'b', 0, 0, 0, 0,
                0x81, 0xCB, 0x00, 0x02, 0x01, 0x02, 0x03, 0x04, 0x03, 'b', 'y', 'e');
        assertEquals(expected.length, n);
        assertArrayEquals(expected, Arrays.copyOf(dst.array(), dst.position()));

        dst.flip();
        RtcpCompound parsed = RtcpParser.parse(dst);
        assertEquals(List.of(0x01020304L), parsed.byeSsrcs());
        assertEquals(List.of(new Cname(0x01020304L, "ab")), parsed.cnames());
    }

    @Test
    void byeWithoutReason() {
        ByteBuffer dst = ByteBuffer.allocate(8);
        Bye.write(dst, 7, null);
        assertArrayEquals(bytes(0x81, 0xCB, 0x00, 0x01, 0, 0, 0, 7), dst.array());
    }

    @Test
    void compoundIsNotWrittenHalfway() {
        ByteBuffer dst = ByteBuffer.allocate(40);
        assertThrows(BufferOverflowException.class,
                () -> SenderReport.writeCompound(dst, 1, 0, 0, 0, 0, "host"));
        assertEquals(0, dst.position());
    }

    @Test
    void parsesOwnSenderReport() {
        ByteBuffer dst = ByteBuffer.allocate(100);
        SenderReport.writeCompound(dst, 0xF0000001L, 1_700_000_000_123L, 0xFFFFFFF0L, 5_000_000_000L, 77, "me@host");
        RtcpCompound c = RtcpParser.parse(dst.flip());
        SenderInfo sr = c.senderReports().get(0);
        assertEquals(0xF0000001L, sr.ssrc());
        assertEquals(NtpTime.fromMillis(1_700_000_000_123L), sr.ntpTime());
        assertEquals(0xFFFFFFF0L, sr.rtpTimestamp());
        assertEquals(5_000_000_000L & 0xFFFFFFFFL, sr.packetCount());
        assertEquals(77, sr.octetCount());
        assertEquals("me@host", c.cnames().get(0).cname());
    }
}
