package org.tributary.rtp.payload.mpeg4video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tributary.rtp.payload.CollectingSink.bytes;
import static org.tributary.rtp.payload.CollectingSink.unit;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tributary.rtp.payload.CollectingSink;
import org.tributary.rtp.payload.PayloadFormat;

class Mpeg4VideoPacketizerTest {
    @Test
    void vopIsSplitWithMarkerOnLastPiece() {
        byte[] vop = unit(2500, 0x00, 0x00, 0x01, 0xb6);
        ByteBuffer sample = ByteBuffer.allocate(2510);
        sample.position(10);
        sample.put(vop).position(10); // a sample that does not start at index 0
        CollectingSink sink = new CollectingSink();
        new Mpeg4VideoPacketizer(1000).packetize(sample, sink);

        assertEquals(List.of(1000, 1000, 500), sink.payloads.stream().map(p -> p.bytes().length).toList());
        assertEquals(List.of(false, false, true), sink.markers());
        assertArrayEquals(vop, sink.concatenated(0));
        assertEquals(10, sample.position());
    }

    @Test
    void formatTakesProfileLevelFromVosHeader() {
        byte[] dsi = bytes(0x00, 0x00, 0x01, 0xb0, 0xf5, 0x00, 0x00, 0x01, 0xb5, 0x0e);
        PayloadFormat f = Mpeg4VideoFormat.fromDecoderSpecificInfo(dsi, 96);
        assertEquals("a=rtpmap:96 MP4V-ES/90000", f.rtpmapLine());
        assertEquals("a=fmtp:96 profile-level-id=245;config=000001B0F5000001B50E", f.fmtpLine());
    }

    @Test
    void formatDefaultsToProfileLevelOneWithoutVos() {
        byte[] dsi = bytes(0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x20, 0x00);
        assertEquals("profile-level-id=1;config=000001000000012000",
                Mpeg4VideoFormat.fromDecoderSpecificInfo(dsi, 96).fmtp());
    }
}
