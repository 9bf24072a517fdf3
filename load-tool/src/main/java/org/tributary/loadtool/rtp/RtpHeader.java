package org.tributary.loadtool.rtp;

import java.nio.ByteBuffer;

/** Reads the fixed RTP header fields (RFC 3550 section 5.1) from a buffer without copying. */
public final class RtpHeader {
    public static final int FIXED_LENGTH = 12;

    private RtpHeader() {
    }

    /** True if the bytes from {@code offset} look like an RTP version 2 packet. */
    public static boolean isRtp(ByteBuffer packet, int offset, int length) {
        return length >= FIXED_LENGTH && ((packet.get(offset) & 0xC0) == 0x80);
    }

    public static int payloadType(ByteBuffer packet, int offset) {
        return packet.get(offset + 1) & 0x7F;
    }

    public static int sequence(ByteBuffer packet, int offset) {
        return packet.getShort(offset + 2) & 0xFFFF;
    }

    public static long timestamp(ByteBuffer packet, int offset) {
        return packet.getInt(offset + 4) & 0xFFFFFFFFL;
    }

    public static long ssrc(ByteBuffer packet, int offset) {
        return packet.getInt(offset + 8) & 0xFFFFFFFFL;
    }
}
