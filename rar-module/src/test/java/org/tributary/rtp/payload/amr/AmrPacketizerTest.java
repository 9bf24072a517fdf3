package org.tributary.rtp.payload.amr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tributary.rtp.payload.CollectingSink.bytes;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tributary.rtp.payload.CollectingSink;
import org.tributary.rtp.payload.PayloadFormat;

class AmrPacketizerTest {
    static final int MR122 = 0x3C; // storage header: FT 7, Q 1
    static final int SID = 0x44;   // FT 8, Q 1
    static final int NO_DATA = 0x7C;

    /** Storage-format frame: header byte then {@code dataSize} bytes filled with {@code fill}. */
    static byte[] frame(int header, int dataSize, int fill) {
        byte[] f = new byte[1 + dataSize];
        Arrays.fill(f, (byte) fill);
        f[0] = (byte) header;
        return f;
    }

    static ByteBuffer sample(byte[]... frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] f : frames) {
            out.write(f, 0, f.length);
        }
        return ByteBuffer.wrap(out.toByteArray());
    }

    @Test
    void cmrTocAndFrameData() {
        CollectingSink sink = new CollectingSink();
        new AmrPacketizer(1400).packetize(
                sample(frame(MR122, 31, 0xA1), frame(MR122, 31, 0xA2), frame(SID, 5, 0xA3)), sink);

        assertEquals(1, sink.size());
        byte[] p = sink.get(0).bytes();
        assertEquals(1 + 3 + 31 + 31 + 5, p.length);
        // CMR=15; TOC F=1 FT=7 Q=1, F=1 FT=7 Q=1, F=0 FT=8 Q=1
        assertArrayEquals(bytes(0xF0, 0xBC, 0xBC, 0x44), Arrays.copyOf(p, 4));
        assertEquals((byte) 0xA1, p[4]);
        assertEquals((byte) 0xA2, p[4 + 31]);
        assertEquals((byte) 0xA3, p[4 + 62]);
        assertEquals(true, sink.get(0).marker(), "first speech frame starts a talkspurt");
    }

    @Test
    void packsAsManyFramesAsFitAndReportsTimestampOffsets() {
        AmrPacketizer packetizer = new AmrPacketizer(70); // CMR + 2 x (TOC + 31) = 65
        CollectingSink sink = new CollectingSink();
        List<Integer> offsets = new ArrayList<>();
        packetizer.packetize(sample(frame(MR122, 31, 1), frame(MR122, 31, 2), frame(MR122, 31, 3)),
                (payload, marker) -> {
                    offsets.add(packetizer.payloadTimestampOffset());
                    sink.payload(payload, marker);
                });

        assertEquals(2, sink.size());
        assertArrayEquals(bytes(0xF0, 0xBC, 0x3C), Arrays.copyOf(sink.get(0).bytes(), 3));
        assertArrayEquals(bytes(0xF0, 0x3C, 0x03), Arrays.copyOf(sink.get(1).bytes(), 3));
        assertEquals(65, sink.get(0).bytes().length);
        assertEquals(33, sink.get(1).bytes().length);
        assertEquals(List.of(0, 320), offsets);
        assertEquals(List.of(true, false), sink.markers());
    }

    @Test
    void markerAgainAfterSilence() {
        AmrPacketizer packetizer = new AmrPacketizer(1400);
        CollectingSink sink = new CollectingSink();
        packetizer.packetize(sample(frame(MR122, 31, 0)), sink);
        packetizer.packetize(sample(frame(SID, 5, 0), frame(NO_DATA, 0, 0)), sink);
        packetizer.packetize(sample(frame(MR122, 31, 0)), sink);
        assertEquals(List.of(true, false, true), sink.markers());
        assertArrayEquals(bytes(0xF0, 0xC4, 0x7C), Arrays.copyOf(sink.get(1).bytes(), 3));
    }

    @Test
    void rejectsReservedFrameTypeAndTruncation() {
        AmrPacketizer packetizer = new AmrPacketizer(1400);
        assertThrows(IllegalArgumentException.class,
                () -> packetizer.packetize(sample(frame(0x4C, 5, 0)), new CollectingSink())); // FT 9
        assertThrows(IllegalArgumentException.class,
                () -> packetizer.packetize(sample(frame(MR122, 30, 0)), new CollectingSink()));
    }

    @Test
    void format() {
        PayloadFormat f = AmrFormat.format(97);
        assertEquals("a=rtpmap:97 AMR/8000/1", f.rtpmapLine());
        assertEquals("a=fmtp:97 octet-align=1", f.fmtpLine());
    }
}
