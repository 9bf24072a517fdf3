package org.tributary.rtp.payload;

import java.nio.ByteBuffer;

/**
 * Rebuilds access units from the RTP payloads of one incoming stream, the inverse of a
 * {@link Packetizer}. Packets are pushed in arrival order; a gap in sequence numbers discards the
 * access unit it damaged (counted in {@link #discardedUnits()}) and reading resumes at the next
 * unit. Access units are capped in size. Not thread-safe: one instance per incoming stream.
 */
public interface Depacketizer {

    /**
     * Pushes one RTP packet's payload (position..limit, left unchanged); completed units go to
     * {@code sink}, possibly several per packet.
     *
     * @throws MalformedPayloadException when the payload breaks its format or a unit outgrows the cap;
     *                                   the unit being built is discarded and the stream goes on
     */
    void push(int sequenceNumber, long timestamp, boolean marker, ByteBuffer payload, AccessUnitSink sink);

    /** Access units dropped so far because packets were lost or malformed. */
    long discardedUnits();
}
