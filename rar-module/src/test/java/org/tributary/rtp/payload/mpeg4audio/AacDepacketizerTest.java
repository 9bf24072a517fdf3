package org.tributary.rtp.payload.mpeg4audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tributary.rtp.payload.CollectingSink.bytes;
import static org.tributary.rtp.payload.CollectingSink.unit;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tributary.rtp.payload.DepacketizerHarness;
import org.tributary.rtp.payload.MalformedPayloadException;

/** AAC access units through the RFC 3640 AAC-hbr packetizer and back, with fragments and loss. */
class AacDepacketizerTest {
    private static final byte[] SMALL = unit(300, 0x21);
    private static final byte[] LARGE = unit(3000, 0x21, 0x1A);
    private static final byte[] LAST = unit(200, 0x21, 0x2B);

    private static DepacketizerHarness stream() {
        DepacketizerHarness h = new DepacketizerHarness();
        AacPacketizer p = new AacPacketizer(1400);
        h.send(p, 0, ByteBuffer.wrap(SMALL));
        h.send(p, 1024, ByteBuffer.wrap(LARGE)); // three fragments
        h.send(p, 2048, ByteBuffer.wrap(LAST));
        return h;
    }

    @Test
    void wholeAndFragmentedUnitsComeBack() {
        DepacketizerHarness h = stream();
        AacDepacketizer d = new AacDepacketizer(1024);
        h.deliverAll(d);
        assertEquals(List.of(0L, 1024L, 2048L), h.timestamps());
        assertArrayEquals(SMALL, h.units.get(0).data());
        assertArrayEquals(LARGE, h.units.get(1).data());
        assertArrayEquals(LAST, h.units.get(2).data());
        assertEquals(List.of(true, true, true), h.keyFrames());
    }

    @Test
    void aLostFragmentDropsTheRestOfItsUnit() {
        for (int lost = 1; lost <= 3; lost++) {
            int skip = lost;
            DepacketizerHarness h = stream();
            AacDepacketizer d = new AacDepacketizer(1024);
            h.deliver(d, i -> i != skip);
            assertEquals(List.of(0L, 2048L), h.timestamps(), "fragment " + lost + " lost");
            assertArrayEquals(LAST, h.units.get(1).data());
        }
    }

    @Test
    void severalUnitsInOnePayload() {
        byte[] payload = bytes(0x00, 0x20, 0x00, 0x18, 0x00, 0x10, 1, 2, 3, 4, 5);
        AacDepacketizer d = new AacDepacketizer(1024);
        DepacketizerHarness h = new DepacketizerHarness();
        d.push(1, 5000, true, ByteBuffer.wrap(payload), h.units::add);
        assertEquals(List.of(5000L, 6024L), h.timestamps());
        assertArrayEquals(bytes(1, 2, 3), h.units.get(0).data());
        assertArrayEquals(bytes(4, 5), h.units.get(1).data());
    }

    @Test
    void malformedPayloadsAreRefused() {
        AacDepacketizer d = new AacDepacketizer(1024);
        DepacketizerHarness h = new DepacketizerHarness();
        assertThrows(MalformedPayloadException.class, () -> d.push(1, 0, true, ByteBuffer.wrap(bytes(0)), h.units::add));
        assertThrows(MalformedPayloadException.class,
                () -> d.push(2, 0, true, ByteBuffer.wrap(bytes(0, 0, 1)), h.units::add));
        assertThrows(MalformedPayloadException.class,
                () -> d.push(3, 0, true, ByteBuffer.wrap(bytes(0, 0x30, 0, 0x08, 1)), h.units::add));
        assertThrows(MalformedPayloadException.class,
                () -> d.push(4, 0, true, ByteBuffer.wrap(bytes(0, 0x20, 0, 0x08, 0, 0xF8, 1)), h.units::add));
        // after an error, fragments are dropped up to a marker; a whole AU is taken
        d.push(5, 8, true, ByteBuffer.wrap(bytes(0, 0x10, 0, 0x08, 7)), h.units::add);
        assertEquals(List.of(8L), h.timestamps());
        // one fragment that claims more than it brings, with the marker
        assertThrows(MalformedPayloadException.class,
                () -> d.push(6, 9, true, ByteBuffer.wrap(bytes(0, 0x10, 0, 0x20, 1)), h.units::add));
        assertEquals(1, h.units.size());
    }
}
