package org.tributary.rtp.payload.h265;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.tributary.rtp.payload.CollectingSink.bytes;
import static org.tributary.rtp.payload.CollectingSink.lengthPrefixed;
import static org.tributary.rtp.payload.CollectingSink.unit;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tributary.rtp.payload.CollectingSink;

class H265PacketizerTest {
    static final byte[] VPS = bytes(0x40, 0x01, 0x0c, 0x01, 0xff, 0xff);
    static final byte[] SPS = bytes(0x42, 0x01, 0x01, 0x01, 0x60);
    static final byte[] PPS = bytes(0x44, 0x01, 0xc1, 0x72);

    @Test
    void smallNalIsSentWhole() {
        CollectingSink sink = new CollectingSink();
        new H265Packetizer(4, 1400).packetize(lengthPrefixed(4, unit(50, 0x02, 0x01)), sink);
        assertEquals(1, sink.size());
        assertArrayEquals(unit(50, 0x02, 0x01), sink.get(0).bytes());
        assertEquals(List.of(true), sink.markers());
    }

    @Test
    void fragmentationUnitHeaders() {
        byte[] idr = unit(3000, 0x26, 0x01); // type 19 (IDR_W_RADL), LayerId 0, TID 1
        CollectingSink sink = new CollectingSink();
        new H265Packetizer(4, 1400).packetize(lengthPrefixed(4, idr), sink);

        // 2998 bytes after the NAL header, 1397 per fragment
        assertEquals(List.of(1400, 1400, 207), sink.payloads.stream().map(p -> p.bytes().length).toList());
        for (int i = 0; i < 3; i++) {
            assertEquals(0x62, sink.get(i).u8(0), "PayloadHdr type 49");
            assertEquals(0x01, sink.get(i).u8(1), "LayerId/TID copied");
        }
        assertEquals(0x93, sink.get(0).u8(2), "S=1, FuType 19");
        assertEquals(0x13, sink.get(1).u8(2));
        assertEquals(0x53, sink.get(2).u8(2), "E=1, FuType 19");
        assertEquals(List.of(false, false, true), sink.markers());

        byte[] body = sink.concatenated(3);
        assertArrayEquals(java.util.Arrays.copyOfRange(idr, 2, idr.length), body);
    }

    @Test
    void layerIdAndTidAreCopiedIntoFuPayloadHeader() {
        byte[] nal = unit(100, 0x03, 0x0A); // type 1, LayerId 1 (LSB of byte 0 + high bits of byte 1), TID 2
        CollectingSink sink = new CollectingSink();
        new H265Packetizer(4, 40).packetize(lengthPrefixed(4, nal), sink);
        assertEquals(0x63, sink.get(0).u8(0));
        assertEquals(0x0A, sink.get(0).u8(1));
        assertEquals(0x81, sink.get(0).u8(2));
    }

    @Test
    void aggregationPacketBeforeIrap() {
        H265Packetizer p = new H265Packetizer(4, 1400);
        p.setParameterSets(List.of(VPS), List.of(SPS), List.of(PPS));
        p.setPrependParameterSetsBeforeIrap(true);
        CollectingSink sink = new CollectingSink();
        p.packetize(lengthPrefixed(4, unit(30, 0x26, 0x01)), sink);

        assertEquals(2, sink.size());
        byte[] expected = bytes(0x60, 0x01,
                0x00, 0x06, 0x40, 0x01, 0x0c, 0x01, 0xff, 0xff,
                0x00, 0x05, 0x42, 0x01, 0x01, 0x01, 0x60,
                0x00, 0x04, 0x44, 0x01, 0xc1, 0x72);
        assertArrayEquals(expected, sink.get(0).bytes());
        assertFalse(sink.get(0).marker());

        sink = new CollectingSink();
        p.packetize(lengthPrefixed(4, unit(30, 0x02, 0x01)), sink); // TRAIL_R: no parameter sets
        assertEquals(1, sink.size());
    }
}
