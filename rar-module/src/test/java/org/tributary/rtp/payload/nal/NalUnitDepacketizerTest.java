package org.tributary.rtp.payload.nal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tributary.rtp.payload.CollectingSink.bytes;
import static org.tributary.rtp.payload.CollectingSink.lengthPrefixed;
import static org.tributary.rtp.payload.CollectingSink.unit;
import static org.tributary.rtp.payload.DepacketizerHarness.array;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tributary.rtp.payload.DepacketizerHarness;
import org.tributary.rtp.payload.MalformedPayloadException;
import org.tributary.rtp.payload.h264.H264NalSyntax;
import org.tributary.rtp.payload.h264.H264Packetizer;
import org.tributary.rtp.payload.h265.H265NalSyntax;
import org.tributary.rtp.payload.h265.H265Packetizer;

/** H.264 and H.265 access units through the packetizer and back: bytes, key frames, parameter sets, loss. */
class NalUnitDepacketizerTest {
    private static final byte[] SPS = unit(20, 0x67, 0x42, 0x00, 0x1E);
    private static final byte[] PPS = unit(5, 0x68);
    private static final byte[] IDR = unit(3000, 0x65);
    private static final byte[] SEI = unit(40, 0x06);
    private static final byte[] P1 = unit(900, 0x41);
    private static final byte[] P2 = unit(2000, 0x21);

    private static H264Packetizer h264Packetizer() {
        H264Packetizer p = new H264Packetizer(4, 1400);
        p.setParameterSets(List.of(SPS), List.of(PPS));
        p.setPrependParameterSetsBeforeIdr(true);
        return p;
    }

    private static DepacketizerHarness h264Stream() {
        DepacketizerHarness h = new DepacketizerHarness();
        H264Packetizer p = h264Packetizer();
        h.send(p, 1000, lengthPrefixed(4, SEI, IDR));
        h.send(p, 4000, lengthPrefixed(4, P1, P2));
        h.send(p, 7000, lengthPrefixed(4, P1));
        return h;
    }

    @Test
    void h264RoundTripRebuildsAccessUnitsWithTheParameterSetsFirst() {
        DepacketizerHarness h = h264Stream();
        NalUnitDepacketizer d = new NalUnitDepacketizer(H264NalSyntax.INSTANCE);
        h.deliverAll(d);
        assertEquals(3, h.units.size());
        assertArrayEquals(array(lengthPrefixed(4, SPS, PPS, SEI, IDR)), h.units.get(0).data());
        assertArrayEquals(array(lengthPrefixed(4, P1, P2)), h.units.get(1).data());
        assertArrayEquals(array(lengthPrefixed(4, P1)), h.units.get(2).data());
        assertEquals(List.of(true, false, false), h.keyFrames());
        assertEquals(List.of(1000L, 4000L, 7000L), h.timestamps());
        assertEquals(2, d.parameterSets().size());
        assertArrayEquals(SPS, d.parameterSets().get(0));
        assertArrayEquals(PPS, d.parameterSets().get(1));
        assertEquals(0, d.discardedUnits());
    }

    @Test
    void aLostFragmentDiscardsItsAccessUnitOnly() {
        DepacketizerHarness h = h264Stream();
        NalUnitDepacketizer d = new NalUnitDepacketizer(H264NalSyntax.INSTANCE);
        // packets: STAP-A, SEI, IDR as 3 FU-A; drop the second fragment of the IDR
        h.deliver(d, i -> i != 3);
        assertEquals(2, h.units.size());
        assertEquals(List.of(4000L, 7000L), h.timestamps());
        assertEquals(1, d.discardedUnits());
    }

    @Test
    void aLostLastPacketIsNoticedAtTheNextTimestamp() {
        DepacketizerHarness h = h264Stream();
        NalUnitDepacketizer d = new NalUnitDepacketizer(H264NalSyntax.INSTANCE);
        int lastOfFirstUnit = 4; // the final FU-A of the IDR carries the marker
        h.deliver(d, i -> i != lastOfFirstUnit);
        // the first unit is discarded, and so is the next one whose start may have been lost with it
        assertEquals(List.of(7000L), h.timestamps());
        assertEquals(2, d.discardedUnits());
    }

    @Test
    void aUnitWithoutMarkerEndsWhenTheTimestampChanges() {
        NalUnitDepacketizer d = new NalUnitDepacketizer(H264NalSyntax.INSTANCE);
        DepacketizerHarness h = new DepacketizerHarness();
        d.push(1, 10, false, ByteBuffer.wrap(P1), h.units::add);
        d.push(2, 20, true, ByteBuffer.wrap(SEI), h.units::add);
        assertEquals(List.of(10L, 20L), h.timestamps());
        assertArrayEquals(array(lengthPrefixed(4, P1)), h.units.get(0).data());
    }

    @Test
    void malformedPayloadsThrowTheSpecificExceptionAndTheStreamGoesOn() {
        NalUnitDepacketizer d = new NalUnitDepacketizer(H264NalSyntax.INSTANCE);
        DepacketizerHarness h = new DepacketizerHarness();
        assertThrows(MalformedPayloadException.class, () -> d.push(1, 0, true, ByteBuffer.allocate(0), h.units::add));
        // FU-A continuation without a start
        assertThrows(MalformedPayloadException.class,
                () -> d.push(2, 0, false, ByteBuffer.wrap(bytes(0x7C, 0x05, 1, 2)), h.units::add));
        // STAP-A whose unit size runs past the payload
        assertThrows(MalformedPayloadException.class,
                () -> d.push(3, 1, true, ByteBuffer.wrap(bytes(0x78, 0x00, 0x09, 0x67, 1)), h.units::add));
        // STAP-B is not part of the non-interleaved mode
        assertThrows(MalformedPayloadException.class,
                () -> d.push(4, 2, true, ByteBuffer.wrap(bytes(0x19, 0, 0)), h.units::add));
        d.push(5, 3, true, ByteBuffer.wrap(P1), h.units::add);
        assertEquals(List.of(3L), h.timestamps());
        assertEquals(4, d.discardedUnits());
    }

    @Test
    void anAccessUnitBeyondTheCapIsRefused() {
        NalUnitDepacketizer d = new NalUnitDepacketizer(H264NalSyntax.INSTANCE, 2500);
        DepacketizerHarness h = h264Stream();
        assertThrows(MalformedPayloadException.class, () -> h.deliverAll(d));
        assertEquals(0, h.units.size());
        assertEquals(1, d.discardedUnits());
    }

    @Test
    void h265RoundTripFlagsIrapAndCapturesVpsSpsPps() {
        byte[] vps = unit(24, 0x40, 0x01);
        byte[] sps = unit(30, 0x42, 0x01);
        byte[] pps = unit(6, 0x44, 0x01);
        byte[] cra = unit(3500, 0x2A, 0x01);
        byte[] trail = unit(1500, 0x02, 0x01);
        H265Packetizer p = new H265Packetizer(4, 1400);
        p.setParameterSets(List.of(vps), List.of(sps), List.of(pps));
        p.setPrependParameterSetsBeforeIrap(true);
        DepacketizerHarness h = new DepacketizerHarness();
        h.send(p, 0, lengthPrefixed(4, cra));
        h.send(p, 3000, lengthPrefixed(4, trail, unit(100, 0x02, 0x01)));
        NalUnitDepacketizer d = new NalUnitDepacketizer(H265NalSyntax.INSTANCE);
        h.deliverAll(d);
        assertEquals(2, h.units.size());
        assertArrayEquals(array(lengthPrefixed(4, vps, sps, pps, cra)), h.units.get(0).data());
        assertArrayEquals(array(lengthPrefixed(4, trail, unit(100, 0x02, 0x01))), h.units.get(1).data());
        assertEquals(List.of(true, false), h.keyFrames());
        assertEquals(3, d.parameterSets().size());
        assertArrayEquals(vps, d.parameterSets().get(0));
        assertArrayEquals(pps, d.parameterSets().get(2));
    }

    @Test
    void h265FragmentsRebuildTheTwoByteHeader() {
        byte[] idr = unit(5000, 0x26, 0x09); // IDR_W_RADL, LayerId 1, TID 1
        H265Packetizer p = new H265Packetizer(4, 1000);
        DepacketizerHarness h = new DepacketizerHarness();
        h.send(p, 0, lengthPrefixed(4, idr));
        NalUnitDepacketizer d = new NalUnitDepacketizer(H265NalSyntax.INSTANCE);
        h.deliverAll(d);
        assertArrayEquals(array(lengthPrefixed(4, idr)), h.units.get(0).data());
        assertEquals(List.of(true), h.keyFrames());
    }
}
