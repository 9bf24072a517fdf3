package org.tributary.rtp.payload.h264;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Frame roles read from RFC 6184 payload headers: single NAL units, FU-A fragments, STAP-A. */
class H264FrameRolesTest {

    private final H264FrameRoles roles = H264FrameRoles.INSTANCE;

    private static ByteBuffer bytes(int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length + 1);
        buffer.put((byte) 0x55); // a byte before the payload: the roles read from the position
        for (int v : values) {
            buffer.put((byte) v);
        }
        return buffer.flip().position(1);
    }

    @Test
    void anIdrSliceIsKeyReferencedAndStartsAUnit() {
        ByteBuffer idr = bytes(0x65, 0x88);
        assertTrue(roles.isKey(idr));
        assertTrue(roles.isReferenced(idr));
        assertTrue(roles.startsUnit(idr));
        assertEquals(1, idr.position(), "the payload is not moved");
    }

    @Test
    void nalRefIdcZeroIsNotReferenced() {
        assertFalse(roles.isReferenced(bytes(0x01, 0x9A))); // non-IDR slice, NRI 0: a disposable B frame
        assertTrue(roles.isReferenced(bytes(0x41, 0x9A))); // NRI 2: a P frame
        assertFalse(roles.isKey(bytes(0x41, 0x9A)));
    }

    @Test
    void fuAFragmentsCarryTheUnitsNriAndOnlyTheFirstStartsIt() {
        ByteBuffer first = bytes(0x1C, 0x81, 0x00); // FU indicator NRI 0, FU header S=1 type 1
        ByteBuffer middle = bytes(0x1C, 0x01, 0x00);
        ByteBuffer last = bytes(0x1C, 0x41, 0x00); // E=1
        assertTrue(roles.startsUnit(first));
        assertFalse(roles.startsUnit(middle));
        assertFalse(roles.startsUnit(last));
        assertFalse(roles.isReferenced(first));
        assertTrue(roles.isKey(bytes(0x7C, 0x85, 0x00)), "a fragment of an IDR slice");
        assertFalse(roles.isKey(bytes(0x5C, 0x81, 0x00)), "a fragment of a P slice");
    }

    @Test
    void parameterSetsAndAggregatesAreKey() {
        assertTrue(roles.isKey(bytes(0x67, 0x42))); // SPS
        assertTrue(roles.isKey(bytes(0x68, 0xCE))); // PPS
        assertTrue(roles.isKey(bytes(0x78, 0x00, 0x02, 0x67, 0x42))); // STAP-A
    }

    @Test
    void anEmptyPayloadIsNothing() {
        ByteBuffer empty = ByteBuffer.allocate(0);
        assertFalse(roles.startsUnit(empty));
        assertFalse(roles.isKey(empty));
        assertFalse(roles.isReferenced(empty));
    }
}
