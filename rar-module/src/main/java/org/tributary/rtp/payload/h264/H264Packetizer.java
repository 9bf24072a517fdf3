package org.tributary.rtp.payload.h264;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.tributary.rtp.payload.Packetizer;
import org.tributary.rtp.payload.PayloadSink;
import org.tributary.rtp.payload.nal.NalUnitPacketizer;

/**
 * RFC 6184 non-interleaved packetizer (packetization-mode=1) for AVCC samples, i.e. NAL units each
 * prefixed by a big-endian length of {@code nalLengthSize} bytes. NAL units that fit go out as
 * Single NAL unit packets, larger ones as FU-A fragments; the marker is set on the last packet of
 * the access unit. Optionally a STAP-A with SPS+PPS is sent before each IDR access unit so that
 * clients joining late can start decoding.
 */
public final class H264Packetizer implements Packetizer {
    private final NalUnitPacketizer packetizer;

    public H264Packetizer(int nalLengthSize, int maxPayloadSize) {
        this.packetizer = new NalUnitPacketizer(H264NalSyntax.INSTANCE, nalLengthSize, maxPayloadSize);
    }

    /** Sets the SPS and PPS NAL units (with NAL header) used for the STAP-A before IDR access units. */
    public void setParameterSets(List<byte[]> sps, List<byte[]> pps) {
        List<byte[]> all = new ArrayList<>(sps);
        all.addAll(pps);
        packetizer.setParameterSets(all);
    }

    /** When true, IDR access units that carry no SPS of their own are preceded by the parameter sets. */
    public void setPrependParameterSetsBeforeIdr(boolean prepend) {
        packetizer.setPrependParameterSets(prepend);
    }

    @Override
    public void packetize(ByteBuffer sample, PayloadSink sink) {
        packetizer.packetize(sample, sink);
    }
}
