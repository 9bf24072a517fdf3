package org.tributary.rtp.payload.mpegaudio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tributary.rtp.payload.CollectingSink.bytes;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tributary.rtp.payload.DepacketizerHarness;
import org.tributary.rtp.payload.MalformedPayloadException;

/** MP3 frames through the RFC 2250 packetizer and back, whole and fragmented. */
class MpegAudioDepacketizerTest {

    private static byte[] frame(int seed) {
        byte[] f = new byte[417];
        for (int i = 4; i < f.length; i++) {
            f[i] = (byte) (seed + i);
        }
        f[0] = (byte) 0xFF;
        f[1] = (byte) 0xFB;
        f[2] = (byte) 0x90;
        return f;
    }

    private static DepacketizerHarness stream(int maxPayload) {
        DepacketizerHarness h = new DepacketizerHarness();
        MpegAudioPacketizer p = new MpegAudioPacketizer(maxPayload);
        for (int i = 0; i < 3; i++) {
            h.send(p, 2351L * i, ByteBuffer.wrap(frame(i)));
        }
        return h;
    }

    @Test
    void wholeAndFragmentedFramesComeBack() {
        for (int maxPayload : new int[] {1400, 200}) {
            DepacketizerHarness h = stream(maxPayload);
            MpegAudioDepacketizer d = new MpegAudioDepacketizer();
            h.deliverAll(d);
            assertEquals(3, h.units.size());
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(frame(i), h.units.get(i).data());
            }
            assertEquals(List.of(0L, 2351L, 4702L), h.timestamps());
            assertEquals(List.of(true, true, true), h.keyFrames());
        }
    }

    @Test
    void severalFramesInOnePayloadGetLaterTimestamps() {
        byte[] payload = DepacketizerHarness.concat(bytes(0, 0, 0, 0), frame(1), frame(2));
        MpegAudioDepacketizer d = new MpegAudioDepacketizer();
        DepacketizerHarness h = new DepacketizerHarness();
        d.push(7, 90_000, false, ByteBuffer.wrap(payload), h.units::add);
        assertEquals(List.of(90_000L, 92_351L), h.timestamps()); // 1152 samples at 44.1 kHz in 90 kHz ticks
        assertArrayEquals(frame(2), h.units.get(1).data());
    }

    @Test
    void aLostFragmentDropsItsFrameOnly() {
        DepacketizerHarness h = stream(200); // 3 fragments per frame
        MpegAudioDepacketizer d = new MpegAudioDepacketizer();
        h.deliver(d, i -> i != 4);
        assertEquals(List.of(0L, 4702L), h.timestamps());
        assertEquals(1, d.discardedUnits());
    }

    @Test
    void malformedPayloadsAreRefused() {
        MpegAudioDepacketizer d = new MpegAudioDepacketizer();
        DepacketizerHarness h = new DepacketizerHarness();
        assertThrows(MalformedPayloadException.class, () -> d.push(1, 0, false, ByteBuffer.wrap(bytes(0, 0)), h.units::add));
        assertThrows(MalformedPayloadException.class,
                () -> d.push(2, 0, false, ByteBuffer.wrap(bytes(0, 0, 0, 0, 1, 2, 3, 4)), h.units::add));
        assertThrows(MalformedPayloadException.class,
                () -> d.push(3, 0, false, ByteBuffer.wrap(bytes(0, 0, 0, 0, 0xFF)), h.units::add));
        assertEquals(0, h.units.size());
    }
}
