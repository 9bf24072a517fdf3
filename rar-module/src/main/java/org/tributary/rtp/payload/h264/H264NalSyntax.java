package org.tributary.rtp.payload.h264;

import java.nio.ByteBuffer;
import java.util.List;
import org.tributary.rtp.payload.nal.NalSyntax;

/** The one-byte H.264 NAL unit header {@code F|NRI|Type} and the RFC 6184 STAP-A and FU-A packets. */
public final class H264NalSyntax implements NalSyntax {
    public static final H264NalSyntax INSTANCE = new H264NalSyntax();
    public static final int TYPE_IDR = 5;
    public static final int TYPE_SPS = 7;
    public static final int TYPE_PPS = 8;
    public static final int TYPE_STAP_A = 24;
    public static final int TYPE_FU_A = 28;

    private H264NalSyntax() {
    }

    @Override
    public int headerSize() {
        return 1;
    }

    @Override
    public int type(ByteBuffer src, int off) {
        return src.get(off) & 0x1F;
    }

    /** Types 1..23; 0 is unspecified and the rest are packet types. */
    @Override
    public boolean isSingleNalUnit(int type) {
        return type >= 1 && type <= 23;
    }

    @Override
    public int aggregationType() {
        return TYPE_STAP_A;
    }

    @Override
    public int fragmentType() {
        return TYPE_FU_A;
    }

    @Override
    public boolean isRandomAccess(int type) {
        return type == TYPE_IDR;
    }

    @Override
    public boolean isInBandParameterSet(int type) {
        return type == TYPE_SPS;
    }

    @Override
    public int parameterSetSlot(int type) {
        return type == TYPE_SPS ? 0 : type == TYPE_PPS ? 1 : -1;
    }

    @Override
    public int parameterSetSlots() {
        return 2;
    }

    /** STAP-A: F is the OR of the F bits, NRI the highest NRI of the aggregated units (RFC 6184 §5.7). */
    @Override
    public void putAggregationHeader(ByteBuffer out, List<byte[]> nals) {
        int forbidden = 0;
        int nri = 0;
        for (byte[] nal : nals) {
            forbidden |= nal[0] & 0x80;
            nri = Math.max(nri, nal[0] & 0x60);
        }
        out.put((byte) (forbidden | nri | TYPE_STAP_A));
    }

    /** FU-A (RFC 6184 §5.8): F and NRI in the FU indicator, S, E and the type in the FU header. */
    @Override
    public void putFragmentHeader(ByteBuffer out, ByteBuffer src, int off, boolean first, boolean last) {
        int nalHeader = src.get(off) & 0xFF;
        out.put((byte) ((nalHeader & 0xE0) | TYPE_FU_A));
        out.put((byte) ((first ? 0x80 : 0) | (last ? 0x40 : 0) | (nalHeader & 0x1F)));
    }

    @Override
    public void putHeaderFromFragment(ByteBuffer out, ByteBuffer src, int off) {
        out.put((byte) ((src.get(off) & 0xE0) | (src.get(off + 1) & 0x1F)));
    }
}
