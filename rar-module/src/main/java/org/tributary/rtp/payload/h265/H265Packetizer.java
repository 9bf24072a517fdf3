package org.tributary.rtp.payload.h265;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.tributary.rtp.payload.Packetizer;
import org.tributary.rtp.payload.PayloadSink;
import org.tributary.rtp.payload.nal.NalUnitPacketizer;

/**
 * RFC 7798 packetizer for length-prefixed HEVC samples (hvc1/hev1): single NAL unit packets for
 * NAL units that fit, fragmentation units (type 49) otherwise, marker on the last packet of the
 * access unit. Optionally an aggregation packet (type 48) with VPS+SPS+PPS is sent before each IRAP
 * access unit that carries none of its own.
 */
public final class H265Packetizer implements Packetizer {
    private final NalUnitPacketizer packetizer;

    public H265Packetizer(int nalLengthSize, int maxPayloadSize) {
        this.packetizer = new NalUnitPacketizer(H265NalSyntax.INSTANCE, nalLengthSize, maxPayloadSize);
    }

    /** Sets the VPS, SPS and PPS NAL units (with 2-byte NAL header) sent before IRAP access units. */
    public void setParameterSets(List<byte[]> vps, List<byte[]> sps, List<byte[]> pps) {
        List<byte[]> all = new ArrayList<>(vps);
        all.addAll(sps);
        all.addAll(pps);
        packetizer.setParameterSets(all);
    }

    /** When true, IRAP access units that carry no VPS/SPS of their own are preceded by the parameter sets. */
    public void setPrependParameterSetsBeforeIrap(boolean prepend) {
        packetizer.setPrependParameterSets(prepend);
    }

    @Override
    public void packetize(ByteBuffer sample, PayloadSink sink) {
        packetizer.packetize(sample, sink);
    }
}
