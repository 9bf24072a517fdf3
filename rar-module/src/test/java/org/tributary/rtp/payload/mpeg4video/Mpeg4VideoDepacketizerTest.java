package org.tributary.rtp.payload.mpeg4video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tributary.rtp.payload.CollectingSink.bytes;
import static org.tributary.rtp.payload.CollectingSink.unit;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tributary.rtp.payload.DepacketizerHarness;
import org.tributary.rtp.payload.MalformedPayloadException;

/** MPEG-4 visual VOPs through the RFC 3016 packetizer and back: I-VOPs as key frames, the VOL kept. */
class Mpeg4VideoDepacketizerTest {
    private static final byte[] CONFIG = bytes(0, 0, 1, 0xB0, 0x01, 0, 0, 1, 0xB5, 0x09, 0, 0, 1, 0x00, 0, 0, 1, 0x20,
            0x08, 0xC8, 0x0D);
    private static final byte[] I_VOP = DepacketizerHarness.concat(bytes(0, 0, 1, 0xB6, 0x10), unit(2995, 0x55));
    private static final byte[] P_VOP = DepacketizerHarness.concat(bytes(0, 0, 1, 0xB6, 0x51), unit(795, 0x66));

    private static DepacketizerHarness stream() {
        DepacketizerHarness h = new DepacketizerHarness();
        Mpeg4VideoPacketizer p = new Mpeg4VideoPacketizer(1400);
        h.send(p, 0, ByteBuffer.wrap(DepacketizerHarness.concat(CONFIG, I_VOP)));
        h.send(p, 3000, ByteBuffer.wrap(P_VOP));
        h.send(p, 6000, ByteBuffer.wrap(I_VOP));
        return h;
    }

    @Test
    void vopsComeBackWithIVopsAsKeyFrames() {
        DepacketizerHarness h = stream();
        Mpeg4VideoDepacketizer d = new Mpeg4VideoDepacketizer();
        assertNull(d.config());
        h.deliverAll(d);
        assertEquals(List.of(0L, 3000L, 6000L), h.timestamps());
        assertArrayEquals(DepacketizerHarness.concat(CONFIG, I_VOP), h.units.get(0).data());
        assertArrayEquals(P_VOP, h.units.get(1).data());
        assertEquals(List.of(true, false, true), h.keyFrames());
        assertArrayEquals(CONFIG, d.config());
    }

    @Test
    void aLostPacketDiscardsItsVop() {
        DepacketizerHarness h = stream();
        Mpeg4VideoDepacketizer d = new Mpeg4VideoDepacketizer();
        h.deliver(d, i -> i != 1); // the I-VOP with its headers spans packets 0..2
        assertEquals(List.of(3000L, 6000L), h.timestamps());
        assertEquals(1, d.discardedUnits());
    }

    @Test
    void aVopBeyondTheCapIsRefused() {
        Mpeg4VideoDepacketizer d = new Mpeg4VideoDepacketizer(2000);
        DepacketizerHarness h = stream();
        assertThrows(MalformedPayloadException.class, () -> h.deliverAll(d));
        assertEquals(0, h.units.size());
    }
}
