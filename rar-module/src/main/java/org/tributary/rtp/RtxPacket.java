package org.tributary.rtp;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;

/**
 * The RTP retransmission payload format (RFC 4588 §4) in SSRC-multiplexing mode: a retransmission is the
 * original packet's header with the rtx payload type, the rtx stream's own sequence number and SSRC,
 * followed by the original sequence number (OSN, two bytes) and the original payload. Timestamp, marker,
 * CSRCs and header extension are kept; padding is not.
 */
public final class RtxPacket {
    public static final int OSN_SIZE = 2;

    private RtxPacket() {
    }

    /**
     * Writes the retransmission of {@code original} (a whole RTP packet, position to limit, not consumed) at
     * {@code dst}'s position and advances it.
     *
     * @return the rtx packet's length in bytes
     * @throws MalformedPacketException when {@code original} is not an RTP packet
     * @throws BufferOverflowException  when {@code dst} has no room (nothing is written)
     */
    public static int write(ByteBuffer dst, ByteBuffer original, int rtxPayloadType, int rtxSequence, long rtxSsrc) {
        if (rtxPayloadType < 0 || rtxPayloadType > 127) {
            throw new IllegalArgumentException("rtx payload type out of range 0..127: " + rtxPayloadType);
        }
        RtpHeader header = RtpHeader.parse(original);
        int start = original.position();
        int headerLength = header.payloadOffset() - start;
        int length = headerLength + OSN_SIZE + header.payloadLength();
        if (dst.remaining() < length) {
            throw new BufferOverflowException();
        }
        int at = dst.position();
        dst.put(dst.position(), original, start, headerLength);
        dst.put(at, (byte) (original.get(start) & ~0x20)); // no padding in the retransmission
        dst.put(at + 1, (byte) ((original.get(start + 1) & 0x80) | rtxPayloadType));
        dst.putShort(at + 2, (short) rtxSequence);
        dst.putInt(at + 8, (int) rtxSsrc);
        dst.putShort(at + headerLength, (short) header.sequenceNumber());
        dst.put(at + headerLength + OSN_SIZE, original, header.payloadOffset(), header.payloadLength());
        dst.position(at + length);
        return length;
    }

    /**
     * The original packet an rtx packet (position to limit, not consumed) carries, as the receiver restores
     * it (RFC 4588 §4): its header with the OSN as sequence number and the original payload type and SSRC.
     *
     * @throws MalformedPacketException when the packet is not RTP or has no room for the OSN
     */
    public static ByteBuffer restore(ByteBuffer rtx, int originalPayloadType, long originalSsrc) {
        RtpHeader header = RtpHeader.parse(rtx);
        if (header.payloadLength() < OSN_SIZE) {
            throw new MalformedPacketException("rtx packet of " + rtx.remaining() + " bytes has no original sequence"
                    + " number");
        }
        int start = rtx.position();
        int headerLength = header.payloadOffset() - start;
        ByteBuffer out = ByteBuffer.allocate(headerLength + header.payloadLength() - OSN_SIZE);
        out.put(0, rtx, start, headerLength);
        out.put(0, (byte) (rtx.get(start) & ~0x20));
        out.put(1, (byte) ((rtx.get(start + 1) & 0x80) | originalPayloadType));
        out.putShort(2, rtx.getShort(header.payloadOffset()));
        out.putInt(8, (int) originalSsrc);
        out.put(headerLength, rtx, header.payloadOffset() + OSN_SIZE, header.payloadLength() - OSN_SIZE);
        return out;
    }
}
