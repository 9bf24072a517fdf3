package org.tributary.rtp.payload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tributary.rtp.payload.CollectingSink.bytes;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sequence tracking, resync after a loss and the size cap, with a format that joins payloads up to the marker. */
class AbstractDepacketizerTest {

    /** Joins payloads of one timestamp up to the marker. */
    private static final class Joining extends AbstractDepacketizer {
        Joining(int cap) {
            super(cap);
        }

        @Override
        protected boolean unitsSpanPackets() {
            return true;
        }

        @Override
        protected void depacketize(ByteBuffer payload, long timestamp, boolean marker, AccessUnitSink sink) {
            startUnit(timestamp);
            append(payload, payload.position(), payload.remaining());
            if (marker) {
                emitUnit(sink);
            }
        }
    }

    private final List<AccessUnit> units = new ArrayList<>();

    private void push(Depacketizer d, int seq, long ts, boolean marker, int... payload) {
        d.push(seq, ts, marker, ByteBuffer.wrap(bytes(payload)), units::add);
    }

    @Test
    void sequenceNumbersWrapWithoutALoss() {
        Joining d = new Joining(100);
        push(d, 65_535, 1, false, 1);
        push(d, 0, 1, true, 2);
        assertEquals(1, units.size());
        assertArrayEquals(bytes(1, 2), units.get(0).data());
        assertEquals(0, d.discardedUnits());
    }

    @Test
    void aGapDropsTheRestOfTheDamagedUnitAndResumesAtTheNext() {
        Joining d = new Joining(100);
        push(d, 10, 1, false, 1);
        push(d, 12, 1, false, 3); // 11 lost
        push(d, 13, 1, true, 4);
        push(d, 14, 2, true, 5);
        assertEquals(1, units.size());
        assertEquals(2, units.get(0).timestamp());
        assertEquals(1, d.discardedUnits());
    }

    @Test
    void aGapBeforeANewTimestampDropsThatUnitToo() {
        Joining d = new Joining(100);
        push(d, 10, 1, true, 1);
        push(d, 12, 2, false, 3); // 11 may have started unit 2
        push(d, 13, 2, true, 4);
        push(d, 14, 3, true, 5);
        assertEquals(List.of(1L, 3L), units.stream().map(AccessUnit::timestamp).toList());
        assertEquals(1, d.discardedUnits());
    }

    @Test
    void aUnitOverTheCapIsRefusedAndTheNextOneTaken() {
        Joining d = new Joining(3);
        push(d, 1, 1, false, 1, 2);
        assertThrows(MalformedPayloadException.class, () -> push(d, 2, 1, false, 3, 4));
        push(d, 3, 1, true, 5); // rest of the refused unit
        push(d, 4, 2, true, 6, 7, 8);
        assertEquals(1, units.size());
        assertArrayEquals(bytes(6, 7, 8), units.get(0).data());
        assertEquals(1, d.discardedUnits());
    }
}
