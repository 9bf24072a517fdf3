package org.tributary.rtp.payload.h264;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tributary.rtp.payload.CollectingSink.bytes;
import static org.tributary.rtp.payload.CollectingSink.lengthPrefixed;
import static org.tributary.rtp.payload.CollectingSink.unit;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tributary.rtp.payload.CollectingSink;

class H264PacketizerTest {
    static final byte[] SPS = bytes(0x67, 0x42, 0xc0, 0x1e, 0xd9, 0x00, 0xa0, 0x47, 0xfe, 0xc8);
    static final byte[] PPS = bytes(0x68, 0xce, 0x3c, 0x80);

    @Test
    void smallNalGoesOutAsSingleNalUnitPacketWithMarker() {
        ByteBuffer sample = ByteBuffer.wrap(bytes(0, 0, 0, 5, 0x65, 1, 2, 3, 4));
        CollectingSink sink = new CollectingSink();
        new H264Packetizer(4, 1400).packetize(sample, sink);

        assertEquals(1, sink.size());
        assertArrayEquals(bytes(0x65, 1, 2, 3, 4), sink.get(0).bytes());
        assertTrue(sink.get(0).marker());
        assertEquals(0, sample.position(), "sample position is left unchanged");
    }

    @Test
    void largeIdrIsFragmentedAsFuA() {
        byte[] idr = unit(4000, 0x65); // F=0, NRI=3, type 5
        CollectingSink sink = new CollectingSink();
        new H264Packetizer(4, 1400).packetize(lengthPrefixed(4, idr), sink);

        // 3999 bytes after the NAL header, 1398 per fragment: 1398 + 1398 + 1203
        assertEquals(3, sink.size());
        assertEquals(List.of(1400, 1400, 1205), sink.payloads.stream().map(p -> p.bytes().length).toList());
        for (int i = 0; i < 3; i++) {
            assertEquals(0x7C, sink.get(i).u8(0), "FU indicator: NRI 3 copied, type 28");
        }
        assertEquals(0x85, sink.get(0).u8(1), "FU header: S=1, type 5");
        assertEquals(0x05, sink.get(1).u8(1), "FU header: no S/E in the middle");
        assertEquals(0x45, sink.get(2).u8(1), "FU header: E=1, type 5");
        assertEquals(List.of(false, false, true), sink.markers());

        byte[] body = sink.concatenated(2);
        byte[] rebuilt = new byte[1 + body.length];
        rebuilt[0] = (byte) ((sink.get(0).u8(0) & 0xE0) | (sink.get(0).u8(1) & 0x1F));
        System.arraycopy(body, 0, rebuilt, 1, body.length);
        assertArrayEquals(idr, rebuilt);
    }

    @Test
    void fuIndicatorKeepsLowerNri() {
        byte[] slice = unit(3000, 0x21); // NRI=1, type 1
        CollectingSink sink = new CollectingSink();
        new H264Packetizer(4, 1400).packetize(lengthPrefixed(4, slice), sink);
        assertEquals(0x3C, sink.get(0).u8(0));
        assertEquals(0x81, sink.get(0).u8(1));
    }

    @Test
    void markerOnlyOnLastPacketOfAccessUnit() {
        ByteBuffer au = lengthPrefixed(4, bytes(0x09, 0xf0), unit(10, 0x41), unit(3000, 0x41));
        CollectingSink sink = new CollectingSink();
        new H264Packetizer(4, 1400).packetize(au, sink);
        assertEquals(List.of(false, false, false, false, true), sink.markers());
        assertArrayEquals(bytes(0x09, 0xf0), sink.get(0).bytes());
    }

    @Test
    void stapAWithSpsAndPpsPrecedesIdrAccessUnits() {
        H264Packetizer p = new H264Packetizer(4, 1400);
        p.setParameterSets(List.of(SPS), List.of(PPS));
        p.setPrependParameterSetsBeforeIdr(true);
        CollectingSink sink = new CollectingSink();
        p.packetize(lengthPrefixed(4, unit(20, 0x65)), sink);

        assertEquals(2, sink.size());
        byte[] expected = new byte[1 + 2 + SPS.length + 2 + PPS.length];
        expected[0] = 0x78; // F=0, NRI=3 (max of SPS/PPS), type 24
        expected[2] = (byte) SPS.length;
        System.arraycopy(SPS, 0, expected, 3, SPS.length);
        expected[3 + SPS.length + 1] = (byte) PPS.length;
        System.arraycopy(PPS, 0, expected, 3 + SPS.length + 2, PPS.length);
        assertArrayEquals(expected, sink.get(0).bytes());
        assertFalse(sink.get(0).marker());
        assertTrue(sink.get(1).marker());
    }

    @Test
    void noStapAForNonIdrOrWhenAccessUnitCarriesItsOwnSps() {
        H264Packetizer p = new H264Packetizer(4, 1400);
        p.setParameterSets(List.of(SPS), List.of(PPS));
        p.setPrependParameterSetsBeforeIdr(true);
        CollectingSink sink = new CollectingSink();
        p.packetize(lengthPrefixed(4, unit(20, 0x41)), sink);
        assertEquals(1, sink.size());

        sink = new CollectingSink();
        p.packetize(lengthPrefixed(4, SPS, PPS, unit(20, 0x65)), sink);
        assertEquals(3, sink.size());
        assertArrayEquals(SPS, sink.get(0).bytes());
    }

    @Test
    void parameterSetsGoSeparatelyWhenStapADoesNotFit() {
        H264Packetizer p = new H264Packetizer(4, 12);
        p.setParameterSets(List.of(SPS), List.of(PPS));
        p.setPrependParameterSetsBeforeIdr(true);
        CollectingSink sink = new CollectingSink();
        p.packetize(lengthPrefixed(4, unit(5, 0x65)), sink);
        assertEquals(3, sink.size());
        assertArrayEquals(SPS, sink.get(0).bytes());
        assertArrayEquals(PPS, sink.get(1).bytes());
    }

    @Test
    void twoByteLengthPrefix() {
        CollectingSink sink = new CollectingSink();
        new H264Packetizer(2, 1400).packetize(lengthPrefixed(2, unit(3, 0x41), unit(4, 0x41)), sink);
        assertEquals(2, sink.size());
        assertArrayEquals(unit(4, 0x41), sink.get(1).bytes());
    }

    @Test
    void corruptLengthIsRejectedBeforeAnythingIsSent() {
        byte[] good = lengthPrefixed(4, unit(10, 0x41)).array();
        byte[] bad = Arrays.copyOf(good, good.length + 6);
        bad[good.length + 3] = 50; // claims 50 bytes, only 2 follow
        CollectingSink sink = new CollectingSink();
        H264Packetizer p = new H264Packetizer(4, 1400);
        assertThrows(IllegalArgumentException.class, () -> p.packetize(ByteBuffer.wrap(bad), sink));
        assertEquals(0, sink.size());
        assertThrows(IllegalArgumentException.class,
                () -> p.packetize(ByteBuffer.wrap(bytes(0, 0, 1)), sink));
    }
}
