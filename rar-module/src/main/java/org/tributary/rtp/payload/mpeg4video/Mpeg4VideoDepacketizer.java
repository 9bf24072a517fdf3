package org.tributary.rtp.payload.mpeg4video;

import java.nio.ByteBuffer;
import org.tributary.rtp.payload.AbstractDepacketizer;
import org.tributary.rtp.payload.AccessUnitSink;

/**
 * RFC 3016/6416 MP4V-ES: the payloads of one VOP (with any VOS/VO/VOL/GOV headers before it) are
 * joined up to the marker or a timestamp change. A unit is a key frame when its VOP is an I-VOP
 * ({@code vop_coding_type} 0); configuration headers (everything before the first VOP start code when
 * it holds a VOL header) are kept for the stream's description.
 */
public final class Mpeg4VideoDepacketizer extends AbstractDepacketizer {
    private static final int VOP_START = 0xB6;
    private byte[] config;

    public Mpeg4VideoDepacketizer(int maxUnitBytes) {
        super(maxUnitBytes);
    }

    public Mpeg4VideoDepacketizer() {
        this(DEFAULT_MAX_UNIT_BYTES);
    }

    /** The latest VOS/VO/VOL headers seen, or null. */
    public byte[] config() {
        return config == null ? null : config.clone();
    }

    @Override
    protected boolean unitsSpanPackets() {
        return true;
    }

    @Override
    protected void depacketize(ByteBuffer payload, long timestamp, boolean marker, AccessUnitSink sink) {
        if (unitOpen() && timestamp != unitTimestamp()) {
            finishUnit(sink);
        }
        startUnit(timestamp);
        append(payload, payload.position(), payload.remaining());
        if (marker) {
            finishUnit(sink);
        }
    }

    private void finishUnit(AccessUnitSink sink) {
        int size = unitSize();
        boolean volSeen = false;
        for (int i = 0; i + 3 < size; i++) {
            if (unitByte(i) != 0 || unitByte(i + 1) != 0 || unitByte(i + 2) != 1) {
                continue;
            }
            int code = unitByte(i + 3);
            if (code >= 0x20 && code <= 0x2F) {
                volSeen = true;
            } else if (code == VOP_START) {
                if (volSeen) {
                    config = unitBytes(0, i);
                }
                if (i + 4 < size && (unitByte(i + 4) >>> 6) == 0) {
                    markKeyFrame();
                }
                break;
            }
        }
        emitUnit(sink);
    }
}
