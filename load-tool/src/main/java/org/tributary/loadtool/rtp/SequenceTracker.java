package org.tributary.loadtool.rtp;

import java.util.Arrays;

/**
 * Counts received, lost, duplicate and reordered packets of one RTP source from 16-bit sequence
 * numbers, extending them to 32 bits across wraps (RFC 3550 appendix A.1 and A.3).
 *
 * <p>Lost = expected - received, where expected spans the lowest to the highest extended sequence
 * number seen, so a late (reordered) packet is not a loss and a packet that arrives before the
 * first one is not counted twice. Duplicates within the last {@value #WINDOW} sequence numbers are
 * counted separately and do not make loss negative. A jump of more than {@value #MAX_DROPOUT} is
 * taken as a source restart only when the next packet confirms it, as A.1 does. Not thread-safe.
 */
public final class SequenceTracker {
    static final int MAX_DROPOUT = 3000;
    static final int MAX_MISORDER = 100;
    static final int WINDOW = 1024;
    private static final int SEQ_MOD = 1 << 16;

    private final long[] seen = new long[WINDOW];
    private boolean started;
    private int maxSeq;
    private long cycles;
    private long baseExtended;
    private int badSeq = -1;
    private long received;
    private long duplicates;
    private long reordered;
    private long expectedPrior;
    private long receivedPrior;

    public SequenceTracker() {
        Arrays.fill(seen, Long.MIN_VALUE);
    }

    /**
     * Feeds one sequence number.
     *
     * @return false if the packet was discarded (a duplicate, or an unconfirmed large jump)
     */
    public boolean onSequence(int sequence) {
        int seq = sequence & 0xFFFF;
        if (!started) {
            restartAt(seq);
            return true;
        }
        int forward = (seq - maxSeq) & 0xFFFF;
        long extended;
        if (forward == 0) {
            duplicates++;
            return false;
        } else if (forward < MAX_DROPOUT) {
            if (seq < maxSeq) {
                cycles += SEQ_MOD;
            }
            maxSeq = seq;
            extended = cycles + seq;
        } else if (forward <= SEQ_MOD - MAX_MISORDER) {
            if (seq == badSeq) {
                // Two packets in a row agree: the source restarted its numbering.
                restartAt(seq);
                return true;
            }
            badSeq = (seq + 1) & 0xFFFF;
            return false;
        } else {
            // Behind the highest: reordered or duplicate. It belongs to the previous cycle when it
            // is numerically above the current maximum.
            extended = (seq > maxSeq ? cycles - SEQ_MOD : cycles) + seq;
            if (seen[(int) (extended & (WINDOW - 1))] == extended) {
                duplicates++;
                return false;
            }
            reordered++;
            if (extended < baseExtended) {
                baseExtended = extended;
            }
        }
        badSeq = -1;
        seen[(int) (extended & (WINDOW - 1))] = extended;
        received++;
        return true;
    }

    private void restartAt(int seq) {
        started = true;
        maxSeq = seq;
        cycles = 0;
        baseExtended = seq;
        badSeq = -1;
        received = 1;
        expectedPrior = 0;
        receivedPrior = 0;
        Arrays.fill(seen, Long.MIN_VALUE);
        seen[seq & (WINDOW - 1)] = seq;
    }

    public boolean started() {
        return started;
    }

    /** Highest sequence number extended with the wrap count (the RR "extended highest seq"). */
    public long extendedHighest() {
        return cycles + maxSeq;
    }

    public long expected() {
        return started ? extendedHighest() - baseExtended + 1 : 0;
    }

    public long received() {
        return received;
    }

    /** Cumulative packets lost; never negative here (duplicates are excluded from received). */
    public long lost() {
        return Math.max(0, expected() - received);
    }

    public long duplicates() {
        return duplicates;
    }

    public long reordered() {
        return reordered;
    }

    /** Number of sequence wraps seen. */
    public long wraps() {
        return cycles / SEQ_MOD;
    }

    /**
     * Fraction lost since the previous call, as the 8-bit fixed point number of an RR
     * (RFC 3550 A.3); starts a new interval.
     */
    public int takeFractionLost() {
        long expectedNow = expected();
        long expectedInterval = expectedNow - expectedPrior;
        long receivedInterval = received - receivedPrior;
        expectedPrior = expectedNow;
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        if (expectedInterval <= 0 || lostInterval <= 0) {
            return 0;
        }
        return (int) Math.min(255, (lostInterval << 8) / expectedInterval);
    }
}
