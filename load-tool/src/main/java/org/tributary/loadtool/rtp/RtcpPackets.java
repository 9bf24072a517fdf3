package org.tributary.loadtool.rtp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds RTCP receiver reports and reads sender reports (RFC 3550 sections 6.4 and 6.5).
 * A built compound packet is an RR followed by an SDES carrying the CNAME, as section 6.1 requires.
 */
public final class RtcpPackets {
    public static final int PT_SR = 200;
    public static final int PT_RR = 201;
    public static final int PT_SDES = 202;
    public static final int PT_BYE = 203;
    private static final int SDES_CNAME = 1;
    private static final int MAX_BLOCKS = 31;

    private RtcpPackets() {
    }

    /** A sender report's identity and NTP time, as needed for LSR/DLSR. */
    public record SenderReportInfo(long ssrc, long ntpSeconds, long ntpFraction, long rtpTimestamp,
                                   long packetCount, long octetCount) {
        public long middle32() {
            return NtpTime.middle32(ntpSeconds, ntpFraction);
        }
    }

    /** Builds an RR (with up to 31 report blocks) + SDES CNAME compound packet. */
    public static ByteBuffer receiverReport(long reporterSsrc, List<ReceptionReport> reports, String cname) {
        int blocks = Math.min(reports.size(), MAX_BLOCKS);
        byte[] cnameBytes = cname.getBytes(StandardCharsets.UTF_8);
        int cnameLength = Math.min(cnameBytes.length, 255);
        int rrLength = 8 + 24 * blocks;
        // SDES: header 4, SSRC 4, item type+len 2, text, at least one END octet, padded to 4.
        int sdesChunk = 4 + 2 + cnameLength + 1;
        int sdesLength = 4 + ((sdesChunk + 3) / 4) * 4;
        ByteBuffer out = ByteBuffer.allocate(rrLength + sdesLength);

        out.put((byte) (0x80 | blocks));
        out.put((byte) PT_RR);
        out.putShort((short) (rrLength / 4 - 1));
        out.putInt((int) reporterSsrc);
        for (int i = 0; i < blocks; i++) {
            ReceptionReport r = reports.get(i);
            out.putInt((int) r.sourceSsrc());
            long lost = Math.max(-0x800000L, Math.min(0x7FFFFFL, r.cumulativeLost()));
            out.putInt((r.fractionLost() & 0xFF) << 24 | (int) (lost & 0xFFFFFF));
            out.putInt((int) r.extendedHighest());
            out.putInt((int) r.jitter());
            out.putInt((int) r.lastSr());
            out.putInt((int) r.delaySinceLastSr());
        }

        int sdesStart = out.position();
        out.put((byte) (0x80 | 1));
        out.put((byte) PT_SDES);
        out.putShort((short) (sdesLength / 4 - 1));
        out.putInt((int) reporterSsrc);
        out.put((byte) SDES_CNAME);
        out.put((byte) cnameLength);
        out.put(cnameBytes, 0, cnameLength);
        while (out.position() < sdesStart + sdesLength) {
            out.put((byte) 0);
        }
        out.flip();
        return out;
    }

    /** Reads every SR in a (compound) RTCP packet; malformed input ends the walk quietly. */
    public static List<SenderReportInfo> senderReports(ByteBuffer packet, int offset, int length) {
        List<SenderReportInfo> result = new ArrayList<>(1);
        int position = offset;
        int end = offset + length;
        while (position + 4 <= end) {
            int first = packet.get(position) & 0xFF;
            if ((first & 0xC0) != 0x80) {
                break;
            }
            int type = packet.get(position + 1) & 0xFF;
            int words = packet.getShort(position + 2) & 0xFFFF;
            int size = (words + 1) * 4;
            if (position + size > end) {
                break;
            }
            if (type == PT_SR && size >= 28) {
                result.add(new SenderReportInfo(
                        packet.getInt(position + 4) & 0xFFFFFFFFL,
                        packet.getInt(position + 8) & 0xFFFFFFFFL,
                        packet.getInt(position + 12) & 0xFFFFFFFFL,
                        packet.getInt(position + 16) & 0xFFFFFFFFL,
                        packet.getInt(position + 20) & 0xFFFFFFFFL,
                        packet.getInt(position + 24) & 0xFFFFFFFFL));
            }
            position += size;
        }
        return result;
    }

    /** Reads the report blocks of the first RR or SR in a compound packet (used by tests and tools). */
    public static List<ReceptionReport> reportBlocks(ByteBuffer packet, int offset, int length) {
        List<ReceptionReport> result = new ArrayList<>();
        int first = packet.get(offset) & 0xFF;
        int type = packet.get(offset + 1) & 0xFF;
        int count = first & 0x1F;
        int blockStart = offset + (type == PT_SR ? 28 : 8);
        for (int i = 0; i < count && blockStart + 24 * (i + 1) <= offset + length; i++) {
            int b = blockStart + 24 * i;
            int lostWord = packet.getInt(b + 4);
            long cumulative = lostWord & 0xFFFFFF;
            if ((cumulative & 0x800000) != 0) {
                cumulative -= 0x1000000;
            }
            result.add(new ReceptionReport(
                    packet.getInt(b) & 0xFFFFFFFFL,
                    (lostWord >>> 24) & 0xFF,
                    cumulative,
                    packet.getInt(b + 8) & 0xFFFFFFFFL,
                    packet.getInt(b + 12) & 0xFFFFFFFFL,
                    packet.getInt(b + 16) & 0xFFFFFFFFL,
                    packet.getInt(b + 20) & 0xFFFFFFFFL));
        }
        return result;
    }
}
