package org.tributary.rtp;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;

/**
 * Writes RTP packets (RFC 3550 §5.1) for one outgoing stream: a 12-byte fixed header with V=2,
 * P=0, X=0, CC=0, followed by the payload. Keeps the sequence number and the packet/octet counts
 * that the sender report needs. Not thread-safe.
 */
public final class RtpPacketWriter {
    public static final int HEADER_SIZE = 12;

    private final int payloadType;
    private final long ssrc;
    private int sequenceNumber;
    private long packetCount;
    private long octetCount;

    public RtpPacketWriter(int payloadType, long ssrc, int initialSequenceNumber) {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type out of range 0..127: " + payloadType);
        }
        this.payloadType = payloadType;
        this.ssrc = ssrc & 0xFFFFFFFFL;
        this.sequenceNumber = initialSequenceNumber & 0xFFFF;
    }

    /**
     * Writes header and payload at {@code dst}'s position and advances it; the payload is read from
     * its position to its limit and left unchanged. Uses the next sequence number.
     *
     * @return the packet length in bytes
     * @throws BufferOverflowException if {@code dst} has no room for the whole packet (nothing is written)
     */
    public int write(ByteBuffer dst, ByteBuffer payload, boolean marker, long timestamp) {
        int length = HEADER_SIZE + payload.remaining();
        if (dst.remaining() < length) {
            throw new BufferOverflowException();
        }
        writeHeader(dst, marker, payloadType, sequenceNumber, timestamp, ssrc);
        dst.put(dst.position(), payload, payload.position(), payload.remaining());
        dst.position(dst.position() + payload.remaining());
        sequenceNumber = (sequenceNumber + 1) & 0xFFFF;
        packetCount++;
        octetCount += payload.remaining();
        return length;
    }

    /** Writes the 12-byte fixed header at {@code dst}'s position and advances it. */
    public static void writeHeader(ByteBuffer dst, boolean marker, int payloadType, int sequenceNumber,
                                   long timestamp, long ssrc) {
        dst.put((byte) 0x80); // V=2, P=0, X=0, CC=0
        dst.put((byte) ((marker ? 0x80 : 0) | (payloadType & 0x7F)));
        dst.putShort((short) sequenceNumber);
        dst.putInt((int) timestamp);
        dst.putInt((int) ssrc);
    }

    /** The sequence number the next packet will carry. */
    public int nextSequenceNumber() {
        return sequenceNumber;
    }

    public int payloadType() {
        return payloadType;
    }

    public long ssrc() {
        return ssrc;
    }

    /** Packets written so far (the sender report's packet count). */
    public long packetCount() {
        return packetCount;
    }

    /** Payload octets written so far, headers excluded (the sender report's octet count). */
    public long octetCount() {
        return octetCount;
    }
}
