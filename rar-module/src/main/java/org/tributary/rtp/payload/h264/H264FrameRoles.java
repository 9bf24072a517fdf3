package org.tributary.rtp.payload.h264;

import org.tributary.rtp.payload.FrameRoles;

import java.nio.ByteBuffer;

/**
 * H.264 frame roles from the first bytes of an RFC 6184 payload: nal_ref_idc (the NRI bits, which a FU-A
 * indicator and a STAP-A header carry for the NAL units inside, RFC 6184 5.3) tells whether anything refers
 * to a unit; IDR slices and SPS/PPS are key. A STAP-A counts as key: packetizers aggregate parameter sets.
 */
public final class H264FrameRoles implements FrameRoles {

    public static final H264FrameRoles INSTANCE = new H264FrameRoles();
    private static final int FU_START = 0x80;

    private H264FrameRoles() {
    }

    @Override
    public boolean startsUnit(ByteBuffer payload) {
        if (!payload.hasRemaining()) {
            return false;
        }
        int type = payload.get(payload.position()) & 0x1F;
        return type != H264NalSyntax.TYPE_FU_A
                || payload.remaining() > 1 && (payload.get(payload.position() + 1) & FU_START) != 0;
    }

    @Override
    public boolean isKey(ByteBuffer payload) {
        int type = nalType(payload);
        return type == H264NalSyntax.TYPE_IDR || type == H264NalSyntax.TYPE_SPS || type == H264NalSyntax.TYPE_PPS
                || type == H264NalSyntax.TYPE_STAP_A;
    }

    @Override
    public boolean isReferenced(ByteBuffer payload) {
        return payload.hasRemaining() && (payload.get(payload.position()) & 0x60) != 0;
    }

    /** The type of the NAL unit carried (inside a FU-A: the fragmented unit's), or -1 for an empty payload. */
    private static int nalType(ByteBuffer payload) {
        if (!payload.hasRemaining()) {
            return -1;
        }
        int type = payload.get(payload.position()) & 0x1F;
        if (type == H264NalSyntax.TYPE_FU_A) {
            return payload.remaining() > 1 ? payload.get(payload.position() + 1) & 0x1F : -1;
        }
        return type;
    }
}
