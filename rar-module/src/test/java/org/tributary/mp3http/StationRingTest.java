package org.tributary.mp3http;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class StationRingTest {

    private static ByteBuffer frame(int size, int marker) {
        ByteBuffer b = ByteBuffer.allocate(size);
        for (int i = 0; i < size; i++) {
            b.put(i, (byte) (marker + i));
        }
        return b;
    }

    @Test
    void aListenerJoinsAtTheFirstFrameWithinTheBurst() {
        StationRing ring = new StationRing(8192);
        for (int i = 0; i < 10; i++) {
            ring.append(frame(300, i)); // frames start at 0, 300, ..., 2700; the edge is 3000
        }
        assertEquals(2100, ring.joinPosition(1000), "2000 is 1000 before the edge but no frame starts there");
        assertEquals(2100, ring.joinPosition(900));
        assertEquals(2400, ring.joinPosition(899));
        assertEquals(0, ring.joinPosition(64 * 1024), "no more than the ring holds");
        assertEquals(0, new StationRing(8192).joinPosition(1000), "an empty ring: the live edge");
    }

    @Test
    void readsCrossTheWrapAndFailOnceOverwritten() {
        StationRing ring = new StationRing(4096);
        for (int i = 0; i < 20; i++) {
            ring.append(frame(1000, i)); // 20000 bytes through 4096: wraps several times
        }
        assertEquals(20000 - 4096, ring.oldest());
        assertEquals(-1, ring.read(ring.oldest() - 1, ByteBuffer.allocate(10)), "fallen behind");
        ByteBuffer out = ByteBuffer.allocate(1000);
        assertEquals(1000, ring.read(17000, out));
        assertEquals(frame(1000, 17), out.flip(), "frame 17 whole, across the wrap");
        assertEquals(ring.joinPosition(4096) % 1000, 0, "joins at a frame boundary after falling behind");
        assertEquals(0, ring.read(20000, ByteBuffer.allocate(10)), "nothing past the edge");
    }

    @Test
    void aReadStopsAtATitleChangeAndTitlesAreKeptForTheBytesHeld() {
        StationRing ring = new StationRing(4096);
        assertNull(ring.titleAt(0));
        ring.title("One");
        ring.append(frame(1000, 0));
        ring.title("Two");
        ring.append(frame(1000, 1));
        ring.append(frame(1000, 2));
        assertEquals("One", ring.titleAt(999));
        assertEquals("Two", ring.titleAt(1000));
        ByteBuffer out = ByteBuffer.allocate(3000);
        assertEquals(1000, ring.read(0, out), "stops where the title changes");
        assertEquals(2000, ring.read(1000, out));
        ring.title("Three");
        ring.title("Four"); // no frame carried Three: replaced
        ring.append(frame(1000, 3));
        ring.append(frame(1000, 4)); // 5000 bytes: the oldest held is 904, still under "One"
        assertEquals("One", ring.titleAt(ring.oldest()));
        assertEquals("Four", ring.titleAt(3000));
        ring.append(frame(1000, 5)); // oldest 1904: "One" is gone, "Two" is in effect there
        assertEquals("Two", ring.titleAt(ring.oldest()));
    }
}
