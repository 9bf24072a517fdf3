package org.tributary.rtp.payload.mpegaudio;

import java.nio.ByteBuffer;
import org.tributary.rtp.payload.Packetizer;
import org.tributary.rtp.payload.PayloadSink;

/**
 * RFC 2250 §3.5 MPEG audio packetizer. Each payload starts with a 4-byte header: 16 bits MBZ and the
 * 16-bit byte offset of this fragment within the audio frame. The sample is one frame (as stored in
 * MP4); a frame larger than the payload is split, each piece carrying its offset. The marker is not
 * set: for audio it only signals timestamp discontinuities, which the stream engine decides.
 */
public final class MpegAudioPacketizer implements Packetizer {
    static final int HEADER_SIZE = 4;

    private final int maxPayloadSize;
    private final ByteBuffer out;

    public MpegAudioPacketizer(int maxPayloadSize) {
        if (maxPayloadSize < HEADER_SIZE + 1) {
            throw new IllegalArgumentException("max payload size too small: " + maxPayloadSize);
        }
        this.maxPayloadSize = maxPayloadSize;
        this.out = ByteBuffer.allocate(maxPayloadSize);
    }

    @Override
    public void packetize(ByteBuffer sample, PayloadSink sink) {
        int size = sample.remaining();
        int chunkSize = maxPayloadSize - HEADER_SIZE;
        if (size > 0 && (size - 1) / chunkSize * (long) chunkSize > 0xFFFF) {
            throw new IllegalArgumentException("MPEG audio frame of " + size
                    + " bytes exceeds the 16-bit fragment offset range");
        }
        int start = sample.position();
        for (int offset = 0; offset < size; ) {
            int chunk = Math.min(size - offset, chunkSize);
            out.clear();
            out.putShort((short) 0);
            out.putShort((short) offset);
            out.put(out.position(), sample, start + offset, chunk);
            out.position(out.position() + chunk);
            sink.payload(out.flip(), false);
            offset += chunk;
        }
    }
}
