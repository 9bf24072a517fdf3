package org.tributary.rtp.rtcp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.tributary.rtp.MalformedPacketException;

/**
 * Walks a compound RTCP packet (RFC 3550 §6.1) and collects report blocks, sender info, CNAMEs,
 * BYE sources, APP packets and Generic NACKs (RFC 4585 §6.2.1). Every length is checked against
 * the enclosing packet before it is used, so a malformed packet ends in a
 * {@link MalformedPacketException} naming the problem, never in a read past the buffer. A compound
 * packet that does not start with SR/RR is accepted (reduced-size RTCP, RFC 5506).
 */
public final class RtcpParser {
    private static final int HEADER = 4;
    private static final int REPORT_BLOCK = 24;
    private static final int SENDER_INFO = 20;
    private static final int FMT_GENERIC_NACK = 1;

    private final ByteBuffer buf;
    private final List<SenderInfo> senderReports = new ArrayList<>();
    private final List<ReceptionReport> receptionReports = new ArrayList<>();
    private final List<Cname> cnames = new ArrayList<>();
    private final List<Long> byeSsrcs = new ArrayList<>();
    private final List<AppPacket> appPackets = new ArrayList<>();
    private final List<Nack> nacks = new ArrayList<>();
    private int otherPackets;

    private RtcpParser(ByteBuffer buf) {
        this.buf = buf;
    }

    /** Parses the compound packet between {@code packet}'s position and limit; the buffer is not modified. */
    public static RtcpCompound parse(ByteBuffer packet) {
        return new RtcpParser(packet).run();
    }

    private RtcpCompound run() {
        int pos = buf.position();
        int end = buf.limit();
        if (pos == end) {
            throw new MalformedPacketException("empty RTCP packet");
        }
        while (pos < end) {
            if (end - pos < HEADER) {
                throw new MalformedPacketException("RTCP header truncated: " + (end - pos) + " bytes left at offset " + pos);
            }
            int b0 = buf.get(pos) & 0xFF;
            if (b0 >>> 6 != 2) {
                throw new MalformedPacketException("RTCP version is " + (b0 >>> 6) + " at offset " + pos + ", expected 2");
            }
            int count = b0 & 0x1F;
            int type = buf.get(pos + 1) & 0xFF;
            int length = 4 * ((buf.getShort(pos + 2) & 0xFFFF) + 1);
            if (length > end - pos) {
                throw new MalformedPacketException("RTCP packet type " + type + " at offset " + pos + " has length "
                        + length + " bytes but only " + (end - pos) + " remain");
            }
            int contentEnd = pos + length;
            if ((b0 & 0x20) != 0) {
                int padding = buf.get(contentEnd - 1) & 0xFF;
                if (padding == 0 || padding > length - HEADER) {
                    throw new MalformedPacketException("RTCP padding count " + padding + " invalid for a packet of "
                            + length + " bytes at offset " + pos);
                }
                contentEnd -= padding;
            }
            parsePacket(type, count, pos, contentEnd);
            pos += length; // length >= 4, so the walk always advances
        }
        return new RtcpCompound(senderReports, receptionReports, cnames, byeSsrcs, appPackets, nacks, otherPackets);
    }

    private void parsePacket(int type, int count, int start, int end) {
        switch (type) {
            case RtcpPacketType.SR -> parseSenderReport(count, start, end);
            case RtcpPacketType.RR -> {
                require(start, end, HEADER + 4 + count * REPORT_BLOCK, "RR with " + count + " report blocks");
                parseReportBlocks(buf.getInt(start + HEADER) & 0xFFFFFFFFL, count, start + HEADER + 4);
            }
            case RtcpPacketType.SDES -> parseSdes(count, start, end);
            case RtcpPacketType.BYE -> parseBye(count, start, end);
            case RtcpPacketType.APP -> {
                require(start, end, HEADER + 8, "APP");
                byte[] name = new byte[4];
                buf.get(start + HEADER + 4, name);
                appPackets.add(new AppPacket(count, buf.getInt(start + HEADER) & 0xFFFFFFFFL,
                        new String(name, StandardCharsets.US_ASCII), end - start - HEADER - 8));
            }
            case RtcpPacketType.RTPFB -> {
                if (count == FMT_GENERIC_NACK) {
                    parseNack(start, end);
                } else {
                    otherPackets++;
                }
            }
            default -> otherPackets++;
        }
    }

    private void parseSenderReport(int count, int start, int end) {
        require(start, end, HEADER + 4 + SENDER_INFO + count * REPORT_BLOCK, "SR with " + count + " report blocks");
        int p = start + HEADER;
        long ssrc = u32(p);
        senderReports.add(new SenderInfo(ssrc, new NtpTime(u32(p + 4), u32(p + 8)), u32(p + 12), u32(p + 16),
                u32(p + 20)));
        parseReportBlocks(ssrc, count, p + 4 + SENDER_INFO);
    }

    private void parseReportBlocks(long reporter, int count, int p) {
        for (int i = 0; i < count; i++, p += REPORT_BLOCK) {
            int lost = buf.getInt(p + 4);
            receptionReports.add(new ReceptionReport(reporter, u32(p), lost >>> 24,
                    (lost << 8) >> 8, // sign-extend the 24-bit cumulative count
                    u32(p + 8), u32(p + 12), u32(p + 16), u32(p + 20)));
        }
    }

    private void parseSdes(int chunks, int start, int end) {
        int p = start + HEADER;
        for (int c = 0; c < chunks; c++) {
            if (end - p < 4) {
                throw new MalformedPacketException("SDES chunk " + c + " truncated at offset " + p);
            }
            long ssrc = u32(p);
            p += 4;
            while (true) {
                if (p >= end) {
                    throw new MalformedPacketException("SDES chunk " + c + " has no terminating null item");
                }
                int itemType = buf.get(p) & 0xFF;
                if (itemType == Sdes.ITEM_END) {
                    p = start + ((p + 1 - start + 3) & ~3); // chunks end on a 32-bit boundary
                    if (p > end) {
                        throw new MalformedPacketException("SDES chunk " + c + " padding runs past the packet");
                    }
                    break;
                }
                if (end - p < 2 || end - p - 2 < (buf.get(p + 1) & 0xFF)) {
                    throw new MalformedPacketException("SDES item type " + itemType + " at offset " + p
                            + " runs past the packet");
                }
                int len = buf.get(p + 1) & 0xFF;
                if (itemType == Sdes.ITEM_CNAME) {
                    byte[] text = new byte[len];
                    buf.get(p + 2, text);
                    cnames.add(new Cname(ssrc, new String(text, StandardCharsets.UTF_8)));
                }
                p += 2 + len;
            }
        }
    }

    private void parseBye(int count, int start, int end) {
        require(start, end, HEADER + 4 * count, "BYE with " + count + " sources");
        int p = start + HEADER;
        for (int i = 0; i < count; i++, p += 4) {
            byeSsrcs.add(u32(p));
        }
        if (p < end && end - p - 1 < (buf.get(p) & 0xFF)) {
            throw new MalformedPacketException("BYE reason length " + (buf.get(p) & 0xFF) + " runs past the packet");
        }
    }

    private void parseNack(int start, int end) {
        require(start, end, HEADER + 8, "Generic NACK");
        long sender = u32(start + HEADER);
        long media = u32(start + HEADER + 4);
        List<Integer> lost = new ArrayList<>();
        for (int p = start + HEADER + 8; end - p >= 4; p += 4) {
            int pid = buf.getShort(p) & 0xFFFF;
            int blp = buf.getShort(p + 2) & 0xFFFF;
            lost.add(pid);
            for (int bit = 0; bit < 16; bit++) {
                if ((blp & (1 << bit)) != 0) {
                    lost.add((pid + bit + 1) & 0xFFFF);
                }
            }
        }
        nacks.add(new Nack(sender, media, lost));
    }

    private static void require(int start, int end, int needed, String what) {
        if (end - start < needed) {
            throw new MalformedPacketException(what + " needs " + needed + " bytes but the packet at offset "
                    + start + " has " + (end - start));
        }
    }

    private long u32(int index) {
        return buf.getInt(index) & 0xFFFFFFFFL;
    }
}
