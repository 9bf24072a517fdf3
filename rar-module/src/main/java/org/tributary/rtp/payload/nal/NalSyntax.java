package org.tributary.rtp.payload.nal;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * What differs between the H.264 (RFC 6184) and H.265 (RFC 7798) NAL-unit payload formats: the
 * size and fields of the NAL unit header, which types start a random access point or carry parameter
 * sets, and how aggregation and fragmentation packets are headed. Implementations are stateless.
 */
public interface NalSyntax {

    /** Bytes of the NAL unit header: 1 for H.264, 2 for H.265. */
    int headerSize();

    /** The NAL unit type of the header starting at {@code off}. */
    int type(ByteBuffer src, int off);

    /** True for the NAL unit types a packet may carry as a single NAL unit. */
    boolean isSingleNalUnit(int type);

    /** The packet type that aggregates several NAL units (STAP-A, AP). */
    int aggregationType();

    /** The packet type that carries a fragment of one NAL unit (FU-A, FU). */
    int fragmentType();

    /** True for NAL unit types that make an access unit a random access point (IDR, IRAP). */
    boolean isRandomAccess(int type);

    /** True for the parameter sets whose presence in an access unit makes a prepended copy unnecessary. */
    boolean isInBandParameterSet(int type);

    /**
     * Where a depacketizer keeps the latest parameter set of this type (0 .. {@link #parameterSetSlots()}-1),
     * or -1 when the type is not a parameter set.
     */
    int parameterSetSlot(int type);

    /** How many kinds of parameter set the codec has (SPS and PPS; VPS, SPS and PPS). */
    int parameterSetSlots();

    /** Writes the header of an aggregation packet that carries {@code nals} (each with its own header). */
    void putAggregationHeader(ByteBuffer out, List<byte[]> nals);

    /**
     * Writes the payload header and FU header of one fragment of the NAL unit whose header starts at
     * {@code off} in {@code src}.
     */
    void putFragmentHeader(ByteBuffer out, ByteBuffer src, int off, boolean first, boolean last);

    /**
     * Writes the original NAL unit header rebuilt from a fragment whose payload starts at {@code off}:
     * the payload header's fields with the type taken from the FU header.
     */
    void putHeaderFromFragment(ByteBuffer out, ByteBuffer src, int off);

    /** Bytes before a fragment's data: payload header plus FU header. */
    default int fragmentOverhead() {
        return headerSize() + 1;
    }

    /** The FU header byte of a fragment whose payload starts at {@code off}. */
    default int fuHeader(ByteBuffer src, int off) {
        return src.get(off + headerSize()) & 0xFF;
    }
}
