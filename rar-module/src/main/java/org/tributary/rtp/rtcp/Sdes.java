package org.tributary.rtp.rtcp;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Writes an SDES packet (RFC 3550 §6.5) with one chunk holding a CNAME item. */
public final class Sdes {
    static final int ITEM_END = 0;
    static final int ITEM_CNAME = 1;

    private Sdes() {
    }

    /** Bytes {@link #writeCname} will write for this CNAME. */
    public static int cnameSize(String cname) {
        int itemBytes = 2 + cnameBytes(cname).length;
        // the item list ends with at least one null octet and is padded to a 32-bit boundary
        return 4 + 4 + ((itemBytes + 1 + 3) & ~3);
    }

    /** Writes the SDES packet at {@code dst}'s position and advances it; returns the bytes written. */
    public static int writeCname(ByteBuffer dst, long ssrc, String cname) {
        byte[] text = cnameBytes(cname);
        int size = cnameSize(cname);
        if (dst.remaining() < size) {
            throw new BufferOverflowException();
        }
        RtcpPacketType.writeHeader(dst, 1, RtcpPacketType.SDES, size);
        dst.putInt((int) ssrc);
        dst.put((byte) ITEM_CNAME).put((byte) text.length).put(text);
        for (int pad = size - 8 - 2 - text.length; pad > 0; pad--) {
            dst.put((byte) ITEM_END);
        }
        return size;
    }

    private static byte[] cnameBytes(String cname) {
        byte[] text = cname.getBytes(StandardCharsets.UTF_8);
        if (text.length > 255) {
            throw new IllegalArgumentException("CNAME longer than 255 bytes");
        }
        return text;
    }
}
