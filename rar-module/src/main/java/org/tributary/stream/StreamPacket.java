package org.tributary.stream;

import java.nio.ByteBuffer;

/**
 * One RTP payload written to a {@link Stream}, copied once and shared read-only by every reader.
 *
 * @param track         index of the stream track
 * @param payload       the RTP payload; never modified after construction
 * @param marker        the RTP marker bit
 * @param timestamp     the RTP timestamp in the track's clock, as the writer had it
 * @param payloadType   the RTP payload type
 * @param keyFrame      whether the writer marked this packet as the start of a key frame
 * @param arrivalNanos  when the stream received it, on the stream's clock
 */
public record StreamPacket(int track, byte[] payload, boolean marker, long timestamp, int payloadType,
                           boolean keyFrame, long arrivalNanos) {

    /** A read-only view of the payload, positioned at its start. */
    public ByteBuffer payloadBuffer() {
        return ByteBuffer.wrap(payload).asReadOnlyBuffer();
    }
}
