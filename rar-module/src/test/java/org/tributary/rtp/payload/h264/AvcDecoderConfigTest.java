package org.tributary.rtp.payload.h264;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AvcDecoderConfigTest {

    private static final byte[] SPS = SequenceParameterSetTest.MAIN_640X360;
    private static final byte[] PPS = HexFormat.of().parseHex("68ef8fc8");

    @Test
    void writtenRecordParsesBackWithTheSpsProfileAndLevel() {
        byte[] avcC = AvcDecoderConfig.write(List.of(SPS), List.of(PPS));
        assertEquals(7 + 2 + SPS.length + 2 + PPS.length, avcC.length, "record size");
        AvcDecoderConfig c = AvcDecoderConfig.parse(avcC);
        assertEquals(0x4D, c.profileIndication(), "profile from SPS byte 1");
        assertEquals(0x40, c.profileCompatibility(), "constraint flags from SPS byte 2");
        assertEquals(0x1E, c.levelIndication(), "level from SPS byte 3");
        assertEquals(4, c.nalLengthSize());
        assertEquals(1, c.sps().size());
        assertEquals(1, c.pps().size());
        assertArrayEquals(SPS, c.sps().get(0));
        assertArrayEquals(PPS, c.pps().get(0));
    }

    @Test
    void headerBytesAreExact() {
        byte[] avcC = AvcDecoderConfig.write(List.of(H264PacketizerTest.SPS), List.of(H264PacketizerTest.PPS));
        assertArrayEquals(H264FormatTest.AVCC, avcC, "the same record as ffmpeg's avcC of that SPS and PPS");
    }

    @Test
    void severalParameterSetsKeepTheirOrderAndTheFirstSpsNamesTheProfile() {
        byte[] high = SequenceParameterSetTest.HIGH_320X180;
        byte[] pps2 = HexFormat.of().parseHex("68ef8fcb");
        AvcDecoderConfig c = AvcDecoderConfig.parse(AvcDecoderConfig.write(List.of(high, SPS), List.of(PPS, pps2)));
        assertEquals(100, c.profileIndication());
        assertEquals(12, c.levelIndication());
        assertEquals(2, c.sps().size());
        assertArrayEquals(high, c.sps().get(0));
        assertArrayEquals(SPS, c.sps().get(1));
        assertArrayEquals(PPS, c.pps().get(0));
        assertArrayEquals(pps2, c.pps().get(1));
        byte[] avcC = AvcDecoderConfig.write(List.of(high, SPS), List.of(PPS, pps2));
        assertEquals(0xE2, avcC[5] & 0xFF, "reserved bits and numOfSequenceParameterSets 2");
        assertEquals(0xFF, avcC[4] & 0xFF, "reserved bits and lengthSizeMinusOne 3");
    }

    @Test
    void aHighProfileRecordEndsWithChromaFormatAndBitDepths() {
        byte[] high = AvcDecoderConfig.write(List.of(SequenceParameterSetTest.HIGH_320X180), List.of(PPS));
        assertEquals(7 + 2 + SequenceParameterSetTest.HIGH_320X180.length + 2 + PPS.length + 4, high.length);
        assertEquals("fdf8f800", HexFormat.of().formatHex(high, high.length - 4, high.length),
                "4:2:0, 8-bit luma and chroma, no SPS extensions (14496-15 5.3.3.1.2)");
        byte[] s422 = AvcDecoderConfig.write(List.of(SequenceParameterSetTest.HIGH422_320X180), List.of(PPS));
        assertEquals(0xFE, s422[s422.length - 4] & 0xFF, "chroma_format 2 (4:2:2, profile 122)");
        byte[] main = AvcDecoderConfig.write(List.of(SPS), List.of(PPS));
        assertEquals(7 + 2 + SPS.length + 2 + PPS.length, main.length, "no extension below the high profiles");
    }

    @Test
    void withoutSpsOrPpsThereIsNoRecord() {
        assertThrows(IllegalArgumentException.class, () -> AvcDecoderConfig.write(List.of(), List.of(PPS)));
        assertThrows(IllegalArgumentException.class, () -> AvcDecoderConfig.write(List.of(SPS), List.of()));
        assertThrows(IllegalArgumentException.class, () -> AvcDecoderConfig.write(List.of(), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> AvcDecoderConfig.write(List.of(new byte[] {0x67, 0x4D}), List.of(PPS)), "an SPS of 2 bytes");
    }
}
