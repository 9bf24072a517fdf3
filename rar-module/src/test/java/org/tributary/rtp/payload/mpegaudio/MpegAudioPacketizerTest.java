package org.tributary.rtp.payload.mpegaudio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.tributary.rtp.payload.CollectingSink.bytes;
import static org.tributary.rtp.payload.CollectingSink.unit;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tributary.rtp.payload.CollectingSink;
import org.tributary.rtp.payload.PayloadFormat;

class MpegAudioPacketizerTest {
    @Test
    void wholeFrameHasZeroOffset() {
        byte[] frame = unit(417, 0xff, 0xfb, 0x90, 0x00);
        CollectingSink sink = new CollectingSink();
        new MpegAudioPacketizer(1400).packetize(ByteBuffer.wrap(frame), sink);
        assertEquals(1, sink.size());
        assertArrayEquals(bytes(0, 0, 0, 0), Arrays.copyOf(sink.get(0).bytes(), 4));
        assertArrayEquals(frame, sink.concatenated(4));
    }

    @Test
    void largeFrameCarriesFragmentOffsets() {
        byte[] frame = unit(3000, 0xff, 0xfb);
        CollectingSink sink = new CollectingSink();
        new MpegAudioPacketizer(1204).packetize(ByteBuffer.wrap(frame), sink);

        assertEquals(3, sink.size());
        assertArrayEquals(bytes(0, 0, 0x00, 0x00), Arrays.copyOf(sink.get(0).bytes(), 4));
        assertArrayEquals(bytes(0, 0, 0x04, 0xb0), Arrays.copyOf(sink.get(1).bytes(), 4)); // 1200
        assertArrayEquals(bytes(0, 0, 0x09, 0x60), Arrays.copyOf(sink.get(2).bytes(), 4)); // 2400
        assertEquals(List.of(false, false, false), sink.markers());
        assertArrayEquals(frame, sink.concatenated(4));
    }

    @Test
    void format() {
        PayloadFormat f = MpegAudioFormat.format();
        assertEquals(14, f.payloadType());
        assertEquals("a=rtpmap:14 MPA/90000", f.rtpmapLine());
        assertNull(f.fmtpLine());
    }
}
