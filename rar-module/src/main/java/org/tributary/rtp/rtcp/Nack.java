package org.tributary.rtp.rtcp;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A Generic NACK (RTPFB FMT=1, RFC 4585 §6.2.1) expanded into sequence numbers. {@link RtcpParser} reads
 * it; {@link #write} packs it again into PID+BLP pairs.
 *
 * @param senderSsrc who sent the feedback
 * @param mediaSsrc the media source whose packets are lost
 * @param lostSequenceNumbers each PID followed by PID+i+1 for every bit i set in its BLP
 */
public record Nack(long senderSsrc, long mediaSsrc, List<Integer> lostSequenceNumbers) {
    private static final int FMT_GENERIC_NACK = 1;

    public Nack {
        lostSequenceNumbers = List.copyOf(lostSequenceNumbers);
    }

    /**
     * Writes the RTPFB packet at {@code dst}'s position and advances it. Each number within 16 after the
     * PID of the pair being filled becomes a bit of its BLP; any other starts a new pair.
     *
     * @return the packet length in bytes
     * @throws BufferOverflowException when {@code dst} has no room (nothing is written)
     */
    public int write(ByteBuffer dst) {
        int[] fci = new int[lostSequenceNumbers.size()];
        int pairs = 0;
        for (int sequence : lostSequenceNumbers) {
            int s = sequence & 0xFFFF;
            if (pairs > 0) {
                int pid = fci[pairs - 1] >>> 16;
                int distance = (s - pid) & 0xFFFF;
                if (distance == 0) {
                    continue;
                }
                if (distance <= 16) {
                    fci[pairs - 1] |= 1 << (distance - 1);
                    continue;
                }
            }
            fci[pairs++] = s << 16;
        }
        int length = 12 + 4 * pairs;
        if (dst.remaining() < length) {
            throw new BufferOverflowException();
        }
        dst.put((byte) (0x80 | FMT_GENERIC_NACK));
        dst.put((byte) RtcpPacketType.RTPFB);
        dst.putShort((short) (length / 4 - 1));
        dst.putInt((int) senderSsrc);
        dst.putInt((int) mediaSsrc);
        for (int i = 0; i < pairs; i++) {
            dst.putInt(fci[i]);
        }
        return length;
    }
}
