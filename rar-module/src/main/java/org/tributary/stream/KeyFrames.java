package org.tributary.stream;

import java.nio.ByteBuffer;

/**
 * Tells whether an incoming RTP payload starts a key frame (a join point), so a stream can keep the GOP a
 * joining reader starts with. {@link AnnouncedPresentation#keyFrames} knows it for the codecs that have
 * join points; a stream fed without one keeps no GOP.
 */
@FunctionalInterface
public interface KeyFrames {

    KeyFrames NONE = (track, timestamp, payload) -> false;

    /**
     * @param timestamp the packet's RTP timestamp (the packets of one access unit share it)
     * @param payload   the RTP payload (position..limit), not consumed
     */
    boolean startsKeyFrame(int track, long timestamp, ByteBuffer payload);
}
