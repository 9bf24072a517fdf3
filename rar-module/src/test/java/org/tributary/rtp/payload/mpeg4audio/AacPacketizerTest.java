package org.tributary.rtp.payload.mpeg4audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tributary.rtp.payload.CollectingSink.bytes;
import static org.tributary.rtp.payload.CollectingSink.unit;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tributary.rtp.payload.CollectingSink;
import org.tributary.rtp.payload.PayloadFormat;

class AacPacketizerTest {
    @Test
    void singleAuHeader() {
        byte[] au = unit(200);
        CollectingSink sink = new CollectingSink();
        new AacPacketizer(1400).packetize(ByteBuffer.wrap(au), sink);

        assertEquals(1, sink.size());
        byte[] p = sink.get(0).bytes();
        // AU-headers-length 16 bits, AU-size 200 << 3 = 0x0640, AU-Index 0
        assertArrayEquals(bytes(0x00, 0x10, 0x06, 0x40), Arrays.copyOf(p, 4));
        assertArrayEquals(au, Arrays.copyOfRange(p, 4, p.length));
        assertEquals(List.of(true), sink.markers());
    }

    @Test
    void fragmentsRepeatFullAuSizeAndMarkOnlyTheLast() {
        byte[] au = unit(1000);
        CollectingSink sink = new CollectingSink();
        new AacPacketizer(404).packetize(ByteBuffer.wrap(au), sink);

        assertEquals(3, sink.size());
        for (int i = 0; i < 3; i++) {
            // 1000 << 3 = 8000 = 0x1F40
            assertArrayEquals(bytes(0x00, 0x10, 0x1F, 0x40), Arrays.copyOf(sink.get(i).bytes(), 4));
        }
        assertEquals(List.of(404, 404, 204), sink.payloads.stream().map(p -> p.bytes().length).toList());
        assertEquals(List.of(false, false, true), sink.markers());
        assertArrayEquals(au, sink.concatenated(4));
    }

    @Test
    void auTooLargeForSizeField() {
        assertThrows(IllegalArgumentException.class,
                () -> new AacPacketizer(1400).packetize(ByteBuffer.allocate(8192), new CollectingSink()));
    }

    @Test
    void formatFromAacLc48kStereo() {
        PayloadFormat f = AacFormat.fromAudioSpecificConfig(bytes(0x11, 0x90), 97);
        assertEquals("a=rtpmap:97 MPEG4-GENERIC/48000/2", f.rtpmapLine());
        assertEquals("a=fmtp:97 streamtype=5;profile-level-id=1;mode=AAC-hbr;sizelength=13;indexlength=3;"
                + "indexdeltalength=3;config=1190", f.fmtpLine());
    }

    @Test
    void ascWithExplicitFrequency() {
        // type 2, index 15, 24-bit 8000, channel config 1
        AudioSpecificConfig c = AudioSpecificConfig.parse(bytes(0x17, 0x80, 0x0f, 0xa0, 0x08));
        assertEquals(new AudioSpecificConfig(2, 8000, 1), c);
    }

    @Test
    void ascWithEscapedObjectType() {
        // type 31 escape + 6 bits (10) = 42, index 3 (48000), channel config 2
        assertEquals(new AudioSpecificConfig(42, 48000, 2), AudioSpecificConfig.parse(bytes(0xf9, 0x46, 0x40)));
    }

    @Test
    void ascSevenMeansEightChannels() {
        // AAC LC (2), 44100 (index 4), channel config 7: 00010 0100 0111 000
        AudioSpecificConfig c = AudioSpecificConfig.parse(bytes(0x12, 0x38));
        assertEquals(44100, c.samplingFrequency());
        assertEquals(8, c.channelCount());
    }
}
