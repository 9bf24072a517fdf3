package org.tributary.rtp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed RTP header (RFC 3550 §5.1), for tests and receiving clients.
 *
 * @param extensionProfile the 16-bit profile-defined value of the header extension, or -1 when X=0
 * @param payloadOffset absolute index in the parsed buffer where the payload starts
 * @param payloadLength payload bytes, excluding any padding
 */
public record RtpHeader(boolean marker, int payloadType, int sequenceNumber, long timestamp, long ssrc,
                        List<Long> csrcs, int extensionProfile, int paddingLength,
                        int payloadOffset, int payloadLength) {

    public RtpHeader {
        csrcs = List.copyOf(csrcs);
    }

    /** Parses the packet occupying {@code packet}'s position to limit; the buffer is not modified. */
    public static RtpHeader parse(ByteBuffer packet) {
        int start = packet.position();
        int end = packet.limit();
        int length = end - start;
        if (length < 12) {
            throw new MalformedPacketException("RTP packet of " + length + " bytes is shorter than the 12-byte header");
        }
        int b0 = packet.get(start) & 0xFF;
        int version = b0 >>> 6;
        if (version != 2) {
            throw new MalformedPacketException("RTP version is " + version + ", expected 2");
        }
        boolean padding = (b0 & 0x20) != 0;
        boolean extension = (b0 & 0x10) != 0;
        int csrcCount = b0 & 0x0F;
        int b1 = packet.get(start + 1) & 0xFF;
        int pos = start + 12;
        if (end - pos < 4 * csrcCount) {
            throw new MalformedPacketException("RTP CSRC count " + csrcCount + " runs past the end of the packet");
        }
        List<Long> csrcs = new ArrayList<>(csrcCount);
        for (int i = 0; i < csrcCount; i++, pos += 4) {
            csrcs.add(packet.getInt(pos) & 0xFFFFFFFFL);
        }
        int extensionProfile = -1;
        if (extension) {
            if (end - pos < 4) {
                throw new MalformedPacketException("RTP header extension header truncated");
            }
            extensionProfile = packet.getShort(pos) & 0xFFFF;
            int extensionBytes = 4 * (packet.getShort(pos + 2) & 0xFFFF);
            pos += 4;
            if (end - pos < extensionBytes) {
                throw new MalformedPacketException("RTP header extension length " + extensionBytes
                        + " runs past the end of the packet");
            }
            pos += extensionBytes;
        }
        int paddingLength = 0;
        if (padding) {
            paddingLength = packet.get(end - 1) & 0xFF;
            if (paddingLength == 0 || paddingLength > end - pos) {
                throw new MalformedPacketException("RTP padding count " + paddingLength
                        + " does not fit the " + (end - pos) + " bytes after the header");
            }
        }
        return new RtpHeader((b1 & 0x80) != 0, b1 & 0x7F, packet.getShort(start + 2) & 0xFFFF,
                packet.getInt(start + 4) & 0xFFFFFFFFL, packet.getInt(start + 8) & 0xFFFFFFFFL,
                csrcs, extensionProfile, paddingLength, pos, end - pos - paddingLength);
    }
}
