package org.tributary.rtp.rtcp;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Writes BYE packets (RFC 3550 §6.6). */
public final class Bye {
    /** An RR with no report blocks: header + SSRC. */
    static final int EMPTY_RR_SIZE = 8;

    private Bye() {
    }

    /** Bytes {@link #write} will write for this reason (null = no reason). */
    public static int size(String reason) {
        return reason == null ? 8 : 8 + ((1 + reasonBytes(reason).length + 3) & ~3);
    }

    /** Writes a BYE for one SSRC, with an optional reason; returns the bytes written. */
    public static int write(ByteBuffer dst, long ssrc, String reason) {
        int size = size(reason);
        if (dst.remaining() < size) {
            throw new BufferOverflowException();
        }
        RtcpPacketType.writeHeader(dst, 1, RtcpPacketType.BYE, size);
        dst.putInt((int) ssrc);
        if (reason != null) {
            byte[] text = reasonBytes(reason);
            dst.put((byte) text.length).put(text);
            for (int pad = size - 8 - 1 - text.length; pad > 0; pad--) {
                dst.put((byte) 0);
            }
        }
        return size;
    }

    /**
     * A complete compound BYE: empty RR, SDES CNAME, BYE (§6.1: a compound packet starts with a
     * report, even an empty one, and carries a CNAME). Returns the bytes written.
     */
    public static int writeCompound(ByteBuffer dst, long ssrc, String cname, String reason) {
        int size = EMPTY_RR_SIZE + Sdes.cnameSize(cname) + size(reason);
        if (dst.remaining() < size) {
            throw new BufferOverflowException();
        }
        RtcpPacketType.writeHeader(dst, 0, RtcpPacketType.RR, EMPTY_RR_SIZE);
        dst.putInt((int) ssrc);
        Sdes.writeCname(dst, ssrc, cname);
        write(dst, ssrc, reason);
        return size;
    }

    private static byte[] reasonBytes(String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        if (text.length > 255) {
            throw new IllegalArgumentException("BYE reason longer than 255 bytes");
        }
        return text;
    }
}
