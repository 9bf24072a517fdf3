package org.tributary.rtp.payload.amr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tributary.rtp.payload.CollectingSink.bytes;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.tributary.rtp.payload.DepacketizerHarness;
import org.tributary.rtp.payload.MalformedPayloadException;

/** AMR frames through the octet-aligned packetizer and back: one storage frame per unit, 160 ticks apart. */
class AmrDepacketizerTest {

    /** {@code count} storage frames: 12.2 kbit/s speech (31 bytes) with every fifth a SID (5 bytes). */
    private static byte[][] frames(int count) {
        byte[][] frames = new byte[count][];
        for (int i = 0; i < count; i++) {
            int ft = i % 5 == 4 ? AmrPacketizer.FT_SID : 7;
            byte[] f = new byte[1 + AmrPacketizer.frameDataSize(ft)];
            f[0] = (byte) ((ft << 3) | 0x04);
            for (int j = 1; j < f.length; j++) {
                f[j] = (byte) (i * 31 + j);
            }
            frames[i] = f;
        }
        return frames;
    }

    private static DepacketizerHarness stream(byte[][] frames) {
        DepacketizerHarness h = new DepacketizerHarness();
        h.send(new AmrPacketizer(100), 8000, ByteBuffer.wrap(DepacketizerHarness.concat(frames)));
        return h;
    }

    @Test
    void everyFrameComesBackWithItsOwnTimestamp() {
        byte[][] frames = frames(20);
        DepacketizerHarness h = stream(frames);
        AmrDepacketizer d = new AmrDepacketizer();
        h.deliverAll(d);
        assertEquals(20, h.units.size());
        for (int i = 0; i < 20; i++) {
            assertArrayEquals(frames[i], h.units.get(i).data(), "frame " + i);
            assertEquals(8000L + 160L * i, h.units.get(i).timestamp());
        }
        assertEquals(20, h.keyFrames().stream().filter(k -> k).count());
    }

    @Test
    void aLostPacketLosesOnlyItsFrames() {
        byte[][] frames = frames(20);
        DepacketizerHarness h = stream(frames);
        AmrDepacketizer d = new AmrDepacketizer();
        h.deliver(d, i -> i != 1);
        int first = framesIn(h.packets.get(0).payload());
        int lost = framesIn(h.packets.get(1).payload());
        assertEquals(20 - lost, h.units.size());
        assertArrayEquals(frames[first - 1], h.units.get(first - 1).data());
        assertArrayEquals(frames[first + lost], h.units.get(first).data());
        assertEquals(8000L + 160L * (first + lost), h.units.get(first).timestamp());
        assertEquals(0, d.discardedUnits());
    }

    private static int framesIn(byte[] payload) {
        int n = 1;
        while ((payload[n] & 0x80) != 0) {
            n++;
        }
        return n;
    }

    @Test
    void malformedTablesOfContentsAreRefused() {
        AmrDepacketizer d = new AmrDepacketizer();
        DepacketizerHarness h = new DepacketizerHarness();
        assertThrows(MalformedPayloadException.class, () -> d.push(1, 0, false, ByteBuffer.wrap(bytes(0xF0)), h.units::add));
        assertThrows(MalformedPayloadException.class,
                () -> d.push(2, 0, false, ByteBuffer.wrap(bytes(0xF0, 0x60, 1, 2)), h.units::add)); // FT 12
        assertThrows(MalformedPayloadException.class,
                () -> d.push(3, 0, false, ByteBuffer.wrap(bytes(0xF0, 0x3C, 1, 2)), h.units::add)); // 31 bytes said
        assertThrows(MalformedPayloadException.class,
                () -> d.push(4, 0, false, ByteBuffer.wrap(bytes(0xF0, 0xBC, 0xBC)), h.units::add)); // TOC never ends
        assertEquals(0, h.units.size());
    }
}
