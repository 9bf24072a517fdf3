package org.tributary.rtp.payload.mpegaudio;

import java.nio.ByteBuffer;
import org.tributary.rtp.payload.AbstractDepacketizer;
import org.tributary.rtp.payload.AccessUnitSink;
import org.tributary.rtp.payload.MalformedPayloadException;

/**
 * RFC 2250 §3.5 MPEG audio: after the 4-byte header (MBZ, fragment offset) a payload holds whole frames
 * or one fragment of a frame. Each frame becomes one access unit; frames after the first in a payload
 * get later timestamps (90 kHz). A fragment whose offset does not continue the frame being rebuilt
 * (its start was lost) is dropped.
 */
public final class MpegAudioDepacketizer extends AbstractDepacketizer {
    private static final int HEADER_SIZE = 4;
    private static final int MAX_FRAME_BYTES = 8 * 1024;
    private int frameBytes;

    public MpegAudioDepacketizer() {
        super(MAX_FRAME_BYTES);
    }

    @Override
    protected boolean unitsSpanPackets() {
        return false;
    }

    @Override
    protected void depacketize(ByteBuffer payload, long timestamp, boolean marker, AccessUnitSink sink) {
        int pos = payload.position() + HEADER_SIZE;
        int end = payload.limit();
        if (end < pos) {
            throw new MalformedPayloadException("MPEG audio payload shorter than its 4-byte header");
        }
        int offset = payload.getShort(pos - 2) & 0xFFFF;
        if (offset > 0) {
            if (!unitOpen() || offset != unitSize() || unitTimestamp() != timestamp) {
                discardUnit();
                return; // a continuation whose frame was lost or damaged
            }
            int chunk = Math.min(end - pos, frameBytes - unitSize());
            append(payload, pos, chunk);
            if (unitSize() == frameBytes) {
                emitUnit(sink);
            }
            return;
        }
        discardUnit(); // an unfinished frame: its tail was lost
        long ts = timestamp;
        while (pos < end) {
            if (end - pos < 4) {
                throw new MalformedPayloadException("truncated MPEG audio frame header");
            }
            MpegAudioHeader header = MpegAudioHeader.parse(payload.getInt(pos));
            if (header == null) {
                throw new MalformedPayloadException("no MPEG audio frame header at payload offset " + pos);
            }
            frameBytes = header.frameBytes();
            startUnit(ts);
            markKeyFrame();
            int chunk = Math.min(end - pos, frameBytes);
            append(payload, pos, chunk);
            pos += chunk;
            if (unitSize() == frameBytes) {
                emitUnit(sink);
            }
            ts += (long) header.samplesPerFrame() * MpegAudioFormat.CLOCK_RATE / header.sampleRate();
        }
    }
}
