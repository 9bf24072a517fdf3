package org.tributary.rtp.payload.h265;

import java.nio.ByteBuffer;
import java.util.List;
import org.tributary.rtp.payload.nal.NalSyntax;

/**
 * The two-byte H.265 NAL unit header {@code F|Type(6)|LayerId(6)|TID(3)} and the RFC 7798
 * aggregation (48) and fragmentation (49) packets.
 */
public final class H265NalSyntax implements NalSyntax {
    public static final H265NalSyntax INSTANCE = new H265NalSyntax();
    public static final int TYPE_AP = 48;
    public static final int TYPE_FU = 49;

    private H265NalSyntax() {
    }

    @Override
    public int headerSize() {
        return 2;
    }

    @Override
    public int type(ByteBuffer src, int off) {
        return nalType(src.get(off));
    }

    static int nalType(byte firstHeaderByte) {
        return (firstHeaderByte >>> 1) & 0x3F;
    }

    /** Types 0..47; 48 and above are packet types (AP, FU, PACI) or unspecified. */
    @Override
    public boolean isSingleNalUnit(int type) {
        return type <= 47;
    }

    @Override
    public int aggregationType() {
        return TYPE_AP;
    }

    @Override
    public int fragmentType() {
        return TYPE_FU;
    }

    /** IRAP pictures: BLA, IDR and CRA (types 16..23). */
    @Override
    public boolean isRandomAccess(int type) {
        return type >= 16 && type <= 23;
    }

    @Override
    public boolean isInBandParameterSet(int type) {
        return type == HevcDecoderConfig.TYPE_VPS || type == HevcDecoderConfig.TYPE_SPS;
    }

    @Override
    public int parameterSetSlot(int type) {
        return type >= HevcDecoderConfig.TYPE_VPS && type <= HevcDecoderConfig.TYPE_PPS
                ? type - HevcDecoderConfig.TYPE_VPS : -1;
    }

    @Override
    public int parameterSetSlots() {
        return 3;
    }

    /** AP header: F is the OR, LayerId and TID the lowest of the aggregated units (RFC 7798 §4.4.2). */
    @Override
    public void putAggregationHeader(ByteBuffer out, List<byte[]> nals) {
        int forbidden = 0;
        int layerId = 63;
        int tid = 7;
        for (byte[] nal : nals) {
            forbidden |= nal[0] & 0x80;
            layerId = Math.min(layerId, ((nal[0] & 0x01) << 5) | ((nal[1] & 0xF8) >>> 3));
            tid = Math.min(tid, nal[1] & 0x07);
        }
        out.put((byte) (forbidden | (TYPE_AP << 1) | (layerId >>> 5)));
        out.put((byte) (((layerId & 0x1F) << 3) | tid));
    }

    /** FU (RFC 7798 §4.4.3): PayloadHdr keeps F, LayerId and TID with Type=49; S, E, type in the FU header. */
    @Override
    public void putFragmentHeader(ByteBuffer out, ByteBuffer src, int off, boolean first, boolean last) {
        byte b0 = src.get(off);
        out.put((byte) ((b0 & 0x81) | (TYPE_FU << 1))).put(src.get(off + 1));
        out.put((byte) ((first ? 0x80 : 0) | (last ? 0x40 : 0) | nalType(b0)));
    }

    @Override
    public void putHeaderFromFragment(ByteBuffer out, ByteBuffer src, int off) {
        out.put((byte) ((src.get(off) & 0x81) | ((src.get(off + 2) & 0x3F) << 1))).put(src.get(off + 1));
    }
}
