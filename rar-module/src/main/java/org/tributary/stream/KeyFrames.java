package org.tributary.stream;

import java.nio.ByteBuffer;

/**
 * Tells whether an incoming RTP payload starts a key frame, so a stream can keep the GOP a joining reader
 * starts with. The depacketizers of {@code rtp.payload} know per codec; a stream fed without one keeps no GOP.
 */
@FunctionalInterface
public interface KeyFrames {

    KeyFrames NONE = (track, payload) -> false;

    /** @param payload the RTP payload (position..limit), not consumed */
    boolean startsKeyFrame(int track, ByteBuffer payload);
}
