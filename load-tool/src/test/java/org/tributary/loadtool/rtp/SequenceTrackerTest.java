package org.tributary.loadtool.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SequenceTrackerTest {

    @Test
    void countsGapsAcrossSixteenBitWrapWithReorderedPair() {
        SequenceTracker t = new SequenceTracker();
        Set<Integer> dropped = Set.of(10, 200, 536, 537, 700, 850, 998);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            order.add(i);
        }
        order.set(300, 301);
        order.set(301, 300);
        for (int i : order) {
            if (!dropped.contains(i)) {
                t.onSequence((65000 + i) & 0xFFFF);
            }
        }
        assertEquals(993, t.received());
        assertEquals(1000, t.expected());
        assertEquals(7, t.lost());
        assertEquals(1, t.reordered());
        assertEquals(1, t.wraps());
        assertEquals(65000 + 999, t.extendedHighest());
        assertEquals(0, t.duplicates());
    }

    @Test
    void duplicatesAreNotReceivedTwice() {
        SequenceTracker t = new SequenceTracker();
        for (int s : new int[] {1, 2, 2, 3, 1, 4}) {
            t.onSequence(s);
        }
        assertEquals(4, t.received());
        assertEquals(2, t.duplicates());
        assertEquals(0, t.lost());
    }

    @Test
    void packetArrivingBeforeTheFirstLowersTheBase() {
        SequenceTracker t = new SequenceTracker();
        t.onSequence(0);
        t.onSequence(65535);   // late packet from before the first, across the wrap
        t.onSequence(1);
        assertEquals(3, t.received());
        assertEquals(3, t.expected());
        assertEquals(0, t.lost());
    }

    @Test
    void largeJumpIsARestartOnlyWhenConfirmed() {
        SequenceTracker t = new SequenceTracker();
        for (int s = 100; s < 110; s++) {
            t.onSequence(s);
        }
        assertFalse(t.onSequence(40000));   // one stray packet: ignored
        assertTrue(t.onSequence(110));
        assertEquals(11, t.received());
        assertFalse(t.onSequence(50000));
        assertTrue(t.onSequence(50001));    // confirmed: numbering restarted
        assertEquals(1, t.received());
        assertEquals(50001, t.extendedHighest());
        assertEquals(0, t.lost());
    }

    @Test
    void fractionLostCoversTheIntervalSinceTheLastReport() {
        SequenceTracker t = new SequenceTracker();
        for (int s = 0; s < 100; s++) {
            if (s % 4 != 1) {
                t.onSequence(s);    // lose 1 in 4 (25 of the 100, the last one arrives)
            }
        }
        assertEquals(64, t.takeFractionLost());   // 25/100 * 256
        for (int s = 100; s < 200; s++) {
            t.onSequence(s);
        }
        assertEquals(0, t.takeFractionLost());
        assertEquals(25, t.lost());
    }
}
