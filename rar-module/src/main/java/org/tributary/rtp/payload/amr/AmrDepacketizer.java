package org.tributary.rtp.payload.amr;

import java.nio.ByteBuffer;
import org.tributary.rtp.payload.AbstractDepacketizer;
import org.tributary.rtp.payload.AccessUnitSink;
import org.tributary.rtp.payload.MalformedPayloadException;

/**
 * RFC 4867 octet-aligned AMR-NB: each payload is CMR, a table of contents and the frames; every frame
 * becomes one access unit in storage format (header byte {@code 0|FT|Q|00} and the speech bits), 160
 * ticks after the one before it. Every frame is a key frame.
 */
public final class AmrDepacketizer extends AbstractDepacketizer {
    private static final int MAX_FRAMES_PER_PAYLOAD = 64;

    public AmrDepacketizer() {
        super(1 + 31);
    }

    @Override
    protected boolean unitsSpanPackets() {
        return false;
    }

    @Override
    protected void depacketize(ByteBuffer payload, long timestamp, boolean marker, AccessUnitSink sink) {
        int start = payload.position();
        int end = payload.limit();
        int toc = start + 1;
        int frames = 0;
        int dataBytes = 0;
        boolean more = true;
        while (more) {
            if (toc + frames >= end || frames == MAX_FRAMES_PER_PAYLOAD) {
                throw new MalformedPayloadException("AMR table of contents runs past the payload");
            }
            int entry = payload.get(toc + frames) & 0xFF;
            int size = AmrPacketizer.frameDataSize(entry >>> 3);
            if (size < 0) {
                throw new MalformedPayloadException("AMR-NB frame type " + ((entry >>> 3) & 0x0F) + " is not valid");
            }
            dataBytes += size;
            more = (entry & 0x80) != 0;
            frames++;
        }
        int data = toc + frames;
        if (end - data < dataBytes) {
            throw new MalformedPayloadException("AMR payload shorter than its table of contents says");
        }
        for (int i = 0; i < frames; i++) {
            int entry = payload.get(toc + i) & 0xFF;
            int size = AmrPacketizer.frameDataSize(entry >>> 3);
            startUnit(timestamp + (long) i * AmrPacketizer.SAMPLES_PER_FRAME);
            markKeyFrame();
            appendByte(entry & 0x7C);
            append(payload, data, size);
            emitUnit(sink);
            data += size;
        }
    }
}
