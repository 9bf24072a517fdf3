package org.tributary.rtp.payload.mpeg4audio;

import java.nio.ByteBuffer;
import org.tributary.rtp.payload.Packetizer;
import org.tributary.rtp.payload.PayloadSink;

/**
 * RFC 3640 AAC-hbr packetizer, one access unit (one MP4 sample) per packet. Each payload starts with
 * AU-headers-length = 16 bits and one AU-header (13-bit AU-size, 3-bit AU-Index = 0). An AU larger
 * than one packet is fragmented (§3.2.3): every fragment repeats the AU-header with the size of the
 * whole AU, and only the last fragment has the marker set.
 */
public final class AacPacketizer implements Packetizer {
    static final int HEADER_SIZE = 4; // AU-headers-length (2) + one AU-header (2)
    static final int MAX_AU_SIZE = (1 << 13) - 1;

    private final int maxPayloadSize;
    private final ByteBuffer out;

    public AacPacketizer(int maxPayloadSize) {
        if (maxPayloadSize < HEADER_SIZE + 1) {
            throw new IllegalArgumentException("max payload size too small: " + maxPayloadSize);
        }
        this.maxPayloadSize = maxPayloadSize;
        this.out = ByteBuffer.allocate(maxPayloadSize);
    }

    @Override
    public void packetize(ByteBuffer sample, PayloadSink sink) {
        int size = sample.remaining();
        if (size == 0) {
            return;
        }
        if (size > MAX_AU_SIZE) {
            throw new IllegalArgumentException("AAC access unit of " + size
                    + " bytes does not fit the 13-bit AU-size field");
        }
        int pos = sample.position();
        int remaining = size;
        while (remaining > 0) {
            int chunk = Math.min(remaining, maxPayloadSize - HEADER_SIZE);
            out.clear();
            out.putShort((short) 16);           // AU-headers-length in bits
            out.putShort((short) (size << 3));  // AU-size, AU-Index 0
            out.put(out.position(), sample, pos, chunk);
            out.position(out.position() + chunk);
            remaining -= chunk;
            pos += chunk;
            sink.payload(out.flip(), remaining == 0);
        }
    }
}
