package org.tributary.rtp.payload.mpeg4video;

import java.nio.ByteBuffer;
import org.tributary.rtp.payload.Packetizer;
import org.tributary.rtp.payload.PayloadSink;

/**
 * RFC 3016 §3 MP4V-ES packetizer: the sample (one VOP, possibly preceded by VOS/VOL/GOV headers) is
 * carried without a payload header, split into payload-sized pieces, with the marker on the last
 * piece of the VOP.
 */
public final class Mpeg4VideoPacketizer implements Packetizer {
    private final int maxPayloadSize;
    private final ByteBuffer out;

    public Mpeg4VideoPacketizer(int maxPayloadSize) {
        if (maxPayloadSize < 1) {
            throw new IllegalArgumentException("max payload size must be positive: " + maxPayloadSize);
        }
        this.maxPayloadSize = maxPayloadSize;
        this.out = ByteBuffer.allocate(maxPayloadSize);
    }

    @Override
    public void packetize(ByteBuffer sample, PayloadSink sink) {
        int pos = sample.position();
        int end = sample.limit();
        while (pos < end) {
            int chunk = Math.min(end - pos, maxPayloadSize);
            out.clear();
            out.put(0, sample, pos, chunk).position(chunk);
            pos += chunk;
            sink.payload(out.flip(), pos == end);
        }
    }
}
