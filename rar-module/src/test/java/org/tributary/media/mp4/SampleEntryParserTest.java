package org.tributary.media.mp4;

import org.tributary.rtp.payload.h264.AvcDecoderConfig;
import org.tributary.rtp.payload.h265.HevcDecoderConfig;
import org.tributary.rtp.payload.mpeg4audio.AudioSpecificConfig;

import static org.junit.jupiter.api.Assertions.*;
import static org.tributary.media.mp4.BoxWriter.*;

import java.nio.ByteBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tributary.media.MediaFormatException;

class SampleEntryParserTest {
    private final ParseContext ctx = new ParseContext("test.mp4");

    private List<SampleEntry> parse(String handler, byte[]... entries) throws MediaFormatException {
        byte[] stsd = cat(u32(0, entries.length), cat(entries));
        return new SampleEntryParser(ctx).parse(new Box("stsd", ByteBuffer.wrap(stsd)), handler, 5);
    }

    @Test
    void isoMp4aWithEsds() throws MediaFormatException {
        SampleEntry e = parse("soun", CraftedMovie.mp4aEntry()).get(0);
        assertEquals("mp4a", e.fourcc());
        assertEquals(2, e.channelCount());
        assertEquals(48000, e.sampleRate());
        assertEquals(0x40, e.objectTypeIndication());
        assertEquals(128000, e.maxBitrate());
        assertEquals(96000, e.avgBitrate());
        assertArrayEquals(u8(0x11, 0x90), e.decoderSpecificInfo());
        assertEquals(new AudioSpecificConfig(2, 48000, 2), AudioSpecificConfig.parse(e.decoderSpecificInfo()));
    }

    @Test
    void quickTimeVersion1SoundWithWaveAtom() throws MediaFormatException {
        byte[] wave = box("wave", box("frma", ascii("mp4a")), box("mp4a", u32(0)), CraftedMovie.esds(), u32(0, 0));
        byte[] entry = box("mp4a", zeros(6), u16(1), u16(1, 0), zeros(4), u16(1, 16, 0xFFFE, 0),
                u32(44100L << 16), u32(1024, 0, 0, 2), wave);
        SampleEntry e = parse("soun", entry).get(0);
        assertEquals(1, e.channelCount());
        assertEquals(44100, e.sampleRate());
        assertEquals(0x40, e.objectTypeIndication());
    }

    @Test
    void quickTimeVersion2Sound() throws MediaFormatException {
        byte[] entry = box("lpcm", zeros(6), u16(1), u16(2, 0), zeros(4), u16(3, 16, 0xFFFE, 0),
                u32(0x00010000), u32(72), u64(Double.doubleToLongBits(96000.0)), u32(6, 0x7F000000, 24, 0, 18, 1));
        SampleEntry e = parse("soun", entry).get(0);
        assertEquals(96000, e.sampleRate());
        assertEquals(6, e.channelCount());
    }

    @Test
    void rtpHintEntry() throws MediaFormatException {
        byte[] entry = box("rtp ", zeros(6), u16(1), u16(1, 1), u32(1450),
                box("tims", u32(90000)), box("tsro", u32(-7)), box("snro", u32(1234)));
        SampleEntry e = parse("hint", entry).get(0);
        assertEquals(90000, e.rtpTimescale());
        assertEquals(-7, e.rtpTimestampOffset());
        assertEquals(1234, e.rtpSequenceOffset());
        assertEquals(1450, e.maxPacketSize());
    }

    @Test
    void deeplyNestedWaveAtomsHitTheDepthLimit() {
        byte[] inner = CraftedMovie.esds();
        for (int i = 0; i < 40; i++) {
            inner = box("wave", inner);
        }
        byte[] entry = box("mp4a", zeros(6), u16(1), zeros(8), u16(2, 16, 0, 0), u32(48000L << 16), inner);
        MediaFormatException e = assertThrows(MediaFormatException.class, () -> parse("soun", entry));
        assertTrue(e.getMessage().contains("deeper"), e.getMessage());
    }

    @Test
    void unknownEntryKeepsRawBytes() throws MediaFormatException {
        byte[] entry = box("tx3g", zeros(6), u16(1), u8(1, 2, 3));
        SampleEntry e = parse("text", entry).get(0);
        assertEquals("tx3g", e.fourcc());
        assertArrayEquals(entry, e.rawBytes());
    }

    @Test
    void truncatedEsdsIsAFormatError() {
        byte[] entry = box("mp4a", zeros(6), u16(1), zeros(8), u16(2, 16, 0, 0), u32(48000L << 16),
                full("esds", 0, 0, u8(0x03, 0x19, 0, 1, 0, 0x04)));
        assertThrows(MediaFormatException.class, () -> parse("soun", entry));
    }

    @Test
    void hevcConfigParse() throws MediaFormatException {
        byte[] hvcC = cat(u8(1, 0x01), u32(0x60000000), zeros(6), u8(93), u16(0xF000), u8(0xFC, 0xFD, 0xF8, 0xF8),
                u16(0), u8(0x0F), u8(3),
                u8(0x20), u16(1), u16(2), u8(0x40, 0x01),
                u8(0x21), u16(1), u16(2), u8(0x42, 0x01),
                u8(0x22), u16(1), u16(2), u8(0x44, 0x01));
        HevcDecoderConfig c = HevcDecoderConfig.parse(hvcC);
        assertEquals(1, c.profileIdc());
        assertEquals(93, c.levelIdc());
        assertEquals(4, c.nalLengthSize());
        assertArrayEquals(u8(0x40, 0x01), c.vps().get(0));
        assertArrayEquals(u8(0x42, 0x01), c.sps().get(0));
        assertArrayEquals(u8(0x44, 0x01), c.pps().get(0));
        assertThrows(IllegalArgumentException.class, () -> HevcDecoderConfig.parse(java.util.Arrays.copyOf(hvcC, 30)));
    }

    @Test
    void audioSpecificConfigVariants() throws MediaFormatException {
        assertEquals(new AudioSpecificConfig(2, 44100, 2), AudioSpecificConfig.parse(u8(0x12, 0x10)));
        // explicit 24-bit frequency (index 15)
        assertEquals(new AudioSpecificConfig(2, 50000, 1),
                AudioSpecificConfig.parse(u8(0x17, 0x80, 0x61, 0xA8, 0x08)));
        assertThrows(RuntimeException.class, () -> AudioSpecificConfig.parse(u8(0x12)));
        assertThrows(IllegalArgumentException.class, () -> AvcDecoderConfig.parse(u8(1, 0x64, 0, 0x1F, 0xFF, 0xE1, 0, 9)));
    }
}
