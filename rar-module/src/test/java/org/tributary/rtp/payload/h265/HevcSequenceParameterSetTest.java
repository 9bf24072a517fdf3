package org.tributary.rtp.payload.h265;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The H.265 SPS reader and the hvcC writer on the parameter sets x265 made for the 320x180 sample clip. */
class HevcSequenceParameterSetTest {

    private static final HexFormat HEX = HexFormat.of();
    /** From sample-hevc.mp4's hvcC (x265 3.5, Main, level 2, 320x180: 320x184 coded with a conformance window). */
    static final byte[] VPS = HEX.parseHex("40010c01ffff01600000030090000003000003003c959409");
    static final byte[] SPS = HEX.parseHex(
            "42010101600000030090000003000003003ca00a080c1f3e595952930bc05a020000030002000003003210");
    static final byte[] PPS = HEX.parseHex("4401c073c189");
    /** The first 22 bytes of x265's own hvcC record for them (before numOfArrays). */
    static final byte[] X265_HEADER = HEX.parseHex("0101600000009000000000003cf000fcfdf8f800000f");

    @Test
    void readsTheProfileTierLevelTheFormatAndTheCroppedSize() {
        HevcSequenceParameterSet s = HevcSequenceParameterSet.parse(SPS);
        assertEquals(320, s.width());
        assertEquals(180, s.height(), "184 coded lines less the conformance window");
        assertEquals(1, s.chromaFormat());
        assertEquals(8, s.bitDepthLuma());
        assertEquals(8, s.bitDepthChroma());
        assertEquals(1, s.maxSubLayers());
        assertTrue(s.temporalIdNested());
        // emulation prevention bytes (00 00 03) are gone from the 12 profile, tier and level bytes
        assertEquals("01600000009000000000003c", HEX.formatHex(s.profileTierLevel()));
    }

    @Test
    void writesTheRecordX265Writes() {
        byte[] hvcC = HevcDecoderConfig.write(List.of(VPS), List.of(SPS), List.of(PPS));
        byte[] header = java.util.Arrays.copyOf(hvcC, 22);
        assertArrayEquals(X265_HEADER, header, HEX.formatHex(header));
        assertEquals(3, hvcC[22], "VPS, SPS and PPS arrays (x265 adds an SEI array)");
        HevcDecoderConfig parsed = HevcDecoderConfig.parse(hvcC);
        assertEquals(1, parsed.profileIdc());
        assertEquals(60, parsed.levelIdc());
        assertEquals(4, parsed.nalLengthSize());
        assertArrayEquals(VPS, parsed.vps().get(0));
        assertArrayEquals(SPS, parsed.sps().get(0));
        assertArrayEquals(PPS, parsed.pps().get(0));
        assertEquals((byte) 0xA0, hvcC[23], "array_completeness and the VPS type");
    }

    @Test
    void refusesWhatIsNotAnSpsAndATruncatedOne() {
        assertThrows(IllegalArgumentException.class, () -> HevcSequenceParameterSet.parse(VPS));
        assertThrows(IllegalArgumentException.class, () -> HevcSequenceParameterSet.parse(
                java.util.Arrays.copyOf(SPS, 20)));
        assertThrows(IllegalArgumentException.class, () -> HevcDecoderConfig.write(List.of(), List.of(SPS),
                List.of(PPS)));
    }
}
