package org.tributary.loadtool.rtp;

import java.nio.ByteBuffer;

/**
 * Whether an H.264 RTP packet (RFC 6184) starts something a decoder can begin with: an SPS or an IDR slice,
 * alone, in a STAP-A, or as the first FU-A fragment. The time to the first such packet is how long a viewer
 * waits for its first picture.
 */
public final class H264KeyFrames {

    private H264KeyFrames() {
    }

    /** @param length the RTP packet's length from {@code offset} */
    public static boolean startsKeyFrame(ByteBuffer packet, int offset, int length) {
        if (length < RtpHeader.FIXED_LENGTH + 1) {
            return false;
        }
        int first = packet.get(offset) & 0xFF;
        int at = offset + RtpHeader.FIXED_LENGTH + 4 * (first & 0x0F);
        if ((first & 0x10) != 0) { // header extension: 4 bytes, then its length in words
            if (at + 4 > offset + length) {
                return false;
            }
            at += 4 + 4 * (packet.getShort(at + 2) & 0xFFFF);
        }
        int end = offset + length;
        if (at >= end) {
            return false;
        }
        int type = packet.get(at) & 0x1F;
        if (type == 24) { // STAP-A: 16-bit sizes and units
            for (int unit = at + 1; unit + 2 < end; unit += 2 + (packet.getShort(unit) & 0xFFFF)) {
                if (joinable(packet.get(unit + 2) & 0x1F)) {
                    return true;
                }
            }
            return false;
        }
        if (type == 28) { // FU-A: the start fragment names the unit's type
            return at + 1 < end && (packet.get(at + 1) & 0x80) != 0 && joinable(packet.get(at + 1) & 0x1F);
        }
        return joinable(type);
    }

    private static boolean joinable(int type) {
        return type == 5 || type == 7;
    }
}
