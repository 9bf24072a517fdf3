package org.tributary.rtp.rtcp;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;

/**
 * Writes sender reports (RFC 3550 §6.4.1) without reception report blocks: this side only sends.
 * {@link #writeCompound} produces what a sender transmits every interval: SR followed by SDES CNAME,
 * since §6.1 requires every compound packet to start with a report and carry a CNAME.
 */
public final class SenderReport {
    /** Header (4) + SSRC (4) + NTP (8) + RTP timestamp (4) + packet count (4) + octet count (4). */
    public static final int SIZE = 28;

    private SenderReport() {
    }

    /** Writes an SR at {@code dst}'s position and advances it; returns the bytes written. */
    public static int write(ByteBuffer dst, long ssrc, long wallClockMillis, long rtpTimestamp,
                            long packetCount, long octetCount) {
        if (dst.remaining() < SIZE) {
            throw new BufferOverflowException();
        }
        NtpTime ntp = NtpTime.fromMillis(wallClockMillis);
        RtcpPacketType.writeHeader(dst, 0, RtcpPacketType.SR, SIZE);
        dst.putInt((int) ssrc);
        dst.putInt((int) ntp.seconds());
        dst.putInt((int) ntp.fraction());
        dst.putInt((int) rtpTimestamp);
        dst.putInt((int) packetCount);  // both counts wrap modulo 2^32 on the wire
        dst.putInt((int) octetCount);
        return SIZE;
    }

    /** SR + SDES CNAME; returns the bytes written. Nothing is written if it does not fit. */
    public static int writeCompound(ByteBuffer dst, long ssrc, long wallClockMillis, long rtpTimestamp,
                                    long packetCount, long octetCount, String cname) {
        if (dst.remaining() < SIZE + Sdes.cnameSize(cname)) {
            throw new BufferOverflowException();
        }
        return write(dst, ssrc, wallClockMillis, rtpTimestamp, packetCount, octetCount)
                + Sdes.writeCname(dst, ssrc, cname);
    }
}
