package org.tributary.source;

import java.nio.ByteBuffer;

/** Receives the RTP payloads a reader emits; the engine adds the RTP header and sends them. */
public interface PacketSink {

    /**
     * @param track         index of the source track
     * @param payload       the RTP payload (position..limit); valid only during the call
     * @param marker        the RTP marker bit
     * @param timestamp     the RTP timestamp in the track's clock, counted from presentation time 0
     * @param payloadType   the RTP payload type
     */
    void packet(int track, ByteBuffer payload, boolean marker, long timestamp, int payloadType);
}
