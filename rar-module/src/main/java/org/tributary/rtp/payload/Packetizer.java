package org.tributary.rtp.payload;

import java.nio.ByteBuffer;

/**
 * Splits one stored media sample (access unit / audio frame(s)) into RTP payloads of at most
 * maxPayloadSize bytes. No allocation per call on the steady path: reuse an internal buffer sized
 * at construction. Not thread-safe: one instance per outgoing stream.
 *
 * <p>The sample is read between its position and limit; implementations leave its position
 * unchanged.
 */
public interface Packetizer {
    void packetize(ByteBuffer sample, PayloadSink sink);

    /**
     * RTP clock ticks to add to the sample's timestamp for the payload being delivered; valid during
     * the {@link PayloadSink} call. Zero unless one sample spans several payload times (AMR frame blocks).
     */
    default int payloadTimestampOffset() {
        return 0;
    }
}
