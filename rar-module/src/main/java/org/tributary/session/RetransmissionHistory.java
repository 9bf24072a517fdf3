package org.tributary.session;

import java.nio.ByteBuffer;

/**
 * The most recent RTP packets of one track by sequence number, bounded by count and by bytes, so that a
 * lost packet a client asks for again (RFC 4588) can be found. Slots are reused: keeping a packet costs a
 * copy, no allocation once the slots have grown to the packet size. Not thread-safe: guarded by the
 * owning {@link TrackOutput}.
 */
final class RetransmissionHistory {

    private final byte[][] slots;
    private final int[] lengths;
    /** When each kept packet was sent ({@link System#nanoTime()} scale), and how often it was sent again. */
    private final long[] sentAtNanos;
    private final int[] resends;
    private final int maxBytes;
    /** Index of the oldest packet kept, and how many are kept (consecutive sequence numbers). */
    private int oldest;
    private int size;
    private int newestSequence;
    private long bytes;

    /**
     * @param maxPackets packets kept at most
     * @param maxBytes   bytes of packets kept at most (the oldest leave first)
     */
    public RetransmissionHistory(int maxPackets, int maxBytes) {
        if (maxPackets < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("history of " + maxPackets + " packets, " + maxBytes + " bytes");
        }
        this.slots = new byte[maxPackets][];
        this.lengths = new int[maxPackets];
        this.sentAtNanos = new long[maxPackets];
        this.resends = new int[maxPackets];
        this.maxBytes = maxBytes;
    }

    /**
     * Keeps a copy of a sent packet (position..limit, not consumed) carrying {@code sequence}, sent at
     * {@code nowNanos}.
     */
    void add(int sequence, ByteBuffer packet, long nowNanos) {
        int length = packet.remaining();
        if (length > maxBytes) {
            clear(); // it cannot be kept, and what is older no longer precedes it without a gap
            return;
        }
        if (size > 0 && sequence != ((newestSequence + 1) & 0xFFFF)) {
            clear(); // numbering jumped: lookups by distance from the newest would be wrong
        }
        if (size == slots.length) {
            dropOldest();
        }
        while (size > 0 && bytes + length > maxBytes) {
            dropOldest();
        }
        int index = (oldest + size) % slots.length;
        if (slots[index] == null || slots[index].length < length) {
            slots[index] = new byte[Math.max(length, 256)];
        }
        packet.duplicate().get(slots[index], 0, length);
        lengths[index] = length;
        sentAtNanos[index] = nowNanos;
        resends[index] = 0;
        bytes += length;
        size++;
        newestSequence = sequence;
    }

    private void dropOldest() {
        bytes -= lengths[oldest];
        oldest = (oldest + 1) % slots.length;
        size--;
    }

    private void clear() {
        oldest = 0;
        size = 0;
        bytes = 0;
    }

    /** A copy of the packet sent with {@code sequence}, or null when it is no longer (or never was) kept. */
    ByteBuffer find(int sequence) {
        int index = indexOf(sequence);
        if (index < 0) {
            return null;
        }
        byte[] copy = new byte[lengths[index]];
        System.arraycopy(slots[index], 0, copy, 0, copy.length);
        return ByteBuffer.wrap(copy);
    }

    /** The kept packet with {@code sequence} without copying it (valid until the next add), or null. */
    ByteBuffer view(int sequence) {
        int index = indexOf(sequence);
        return index < 0 ? null : ByteBuffer.wrap(slots[index], 0, lengths[index]);
    }

    /** When the packet with {@code sequence} was first sent, or -1 when it is not kept. */
    long sentAtNanos(int sequence) {
        int index = indexOf(sequence);
        return index < 0 ? -1 : sentAtNanos[index];
    }

    /** Counts one more resend of a kept packet, unless it was kept no longer or resent {@code max} times already. */
    boolean takeResend(int sequence, int max) {
        int index = indexOf(sequence);
        if (index < 0 || resends[index] >= max) {
            return false;
        }
        resends[index]++;
        return true;
    }

    private int indexOf(int sequence) {
        int behind = (newestSequence - (sequence & 0xFFFF)) & 0xFFFF;
        if (size == 0 || behind >= size) {
            return -1;
        }
        return (oldest + size - 1 - behind) % slots.length;
    }

    int size() {
        return size;
    }

    long bytes() {
        return bytes;
    }
}
