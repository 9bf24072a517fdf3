package org.tributary.rtp.payload.h264;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Sequence parameter sets made by ffmpeg's libx264 ({@code ffmpeg -f lavfi -i testsrc2=size=WxH:rate=25 -t 1
 * -c:v libx264 -profile:v P -preset veryfast -bsf:v h264_mp4toannexb -f h264}), the NAL of type 7 cut out.
 * Every one of them has emulation prevention bytes (00 00 03) in its VUI timing fields.
 */
class SequenceParameterSetTest {

    /** Main profile, level 3.0, 640x360: 23 macroblock rows (368 lines) cropped by 8. */
    static final byte[] MAIN_640X360 = hex("674d401eeca05017fcb808800000030080000019078b16cb");
    /** High profile, level 3.1, 1280x720: no cropping. */
    static final byte[] HIGH_1280X720 = hex("6764001facd9405005bb011000000300100000030320f1831960");
    /** High profile, level 4.0, 1920x1080: 1088 lines cropped by 8. */
    static final byte[] HIGH_1920X1080 = hex("67640028acd940780227e5c044000003000400000300c83c60c658");
    /** High profile, level 1.2, 320x180: 192 lines cropped by 12. */
    static final byte[] HIGH_320X180 = hex("6764000cacd941419f9f011000000300100000030320f1429960");
    /** Constrained baseline, level 1.1, 176x144: no cropping. */
    static final byte[] BASELINE_176X144 = hex("6742c00bda0b13b011000003000100000300320f142aa0");
    /** High 4:2:2 (profile 122), 320x180: the vertical crop unit is 1 line. */
    static final byte[] HIGH422_320X180 = hex("677a000cbcd941419f8dc044000003000400000300c83c50a658");
    /** High 4:4:4 Predictive (profile 244), 318x180: crop units of 1 pixel both ways. */
    static final byte[] HIGH444_318X180 = hex("67f4000c919b282833dc6e0220000003002000000641e28532c0");
    /** High, interlaced (x264 interlaced=1, frame_mbs_only_flag 0), 1920x1080: 34 field map units x 32 lines. */
    static final byte[] HIGH_INTERLACED_1920X1080 = hex("67640028acd94078044fde0220000003002000000643e2c5b2c0");

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    private static void assertSps(byte[] nal, int profile, int constraints, int level, int width, int height) {
        SequenceParameterSet sps = SequenceParameterSet.parse(nal);
        assertEquals(List.of(profile, constraints, level, width, height),
                List.of(sps.profileIdc(), sps.constraintFlags(), sps.levelIdc(), sps.width(), sps.height()),
                "SPS " + HexFormat.of().formatHex(nal));
    }

    @Test
    void mainProfile640x360IsCroppedFrom368Lines() {
        SequenceParameterSet sps = SequenceParameterSet.parse(MAIN_640X360);
        assertEquals(77, sps.profileIdc(), "profile_idc");
        assertEquals(0x40, sps.constraintFlags(), "constraint_set1_flag");
        assertEquals(30, sps.levelIdc(), "level_idc");
        assertEquals(640, sps.width(), "width");
        assertEquals(360, sps.height(), "height after cropping 8 lines from 368");
    }

    @Test
    void highProfilesGiveTheirChromaFormatAndBitDepths() {
        SequenceParameterSet high = SequenceParameterSet.parse(HIGH_1280X720);
        assertEquals(List.of(1, 8, 8), List.of(high.chromaFormat(), high.bitDepthLuma(), high.bitDepthChroma()));
        SequenceParameterSet s422 = SequenceParameterSet.parse(HIGH422_320X180);
        assertEquals(2, s422.chromaFormat());
        assertEquals(3, SequenceParameterSet.parse(HIGH444_318X180).chromaFormat());
        SequenceParameterSet main = SequenceParameterSet.parse(MAIN_640X360);
        assertEquals(List.of(1, 8, 8), List.of(main.chromaFormat(), main.bitDepthLuma(), main.bitDepthChroma()),
                "a main-profile SPS has no such fields: 4:2:0, 8 bits");
    }

    @Test
    void highProfileSkipsChromaFormatAndBitDepths() {
        assertSps(HIGH_1280X720, 100, 0, 31, 1280, 720);
        assertSps(HIGH_1920X1080, 100, 0, 40, 1920, 1080);
        assertSps(HIGH_320X180, 100, 0, 12, 320, 180);
    }

    @Test
    void baselineWithoutCropping() {
        assertSps(BASELINE_176X144, 66, 0xC0, 11, 176, 144);
    }

    @Test
    void cropUnitsFollowTheChromaFormat() {
        assertSps(HIGH422_320X180, 122, 0, 12, 320, 180);
        assertSps(HIGH444_318X180, 244, 0, 12, 318, 180);
    }

    @Test
    void interlacedCountsFieldMapUnitsAndCropsInFramePairs() {
        assertSps(HIGH_INTERLACED_1920X1080, 100, 0, 40, 1920, 1080);
    }

    @Test
    void emulationPreventionBytesAreRemovedBeforeReading() {
        byte[] escaped = hex("6742c00bda0b13b011000003000100000300320f142aa0");
        byte[] rbsp = org.tributary.rtp.payload.BitReader.rbsp(escaped);
        assertArrayEquals(hex("6742c00bda0b13b01100000001000000320f142aa0"), rbsp);
        assertArrayEquals(hex("00000300"), org.tributary.rtp.payload.BitReader.rbsp(hex("0000030300")),
                "only the first 03 after two zeros is an emulation prevention byte");
    }

    @Test
    void aScalingMatrixInTheSpsIsSkipped() {
        // High profile, 4:2:0, seq_scaling_matrix_present_flag 1 with list 0 present: delta_scale -8 makes
        // the next scale 0 (use the default list) and ends the list; lists 1..7 absent. Then 320x180 as above.
        Bits b = new Bits();
        b.u(8, 0x67).u(8, 100).u(8, 0).u(8, 12);
        b.ue(0); // seq_parameter_set_id
        b.ue(1); // chroma_format_idc
        b.ue(0).ue(0).u(1, 0); // bit depths, qpprime_y_zero_transform_bypass_flag
        b.u(1, 1); // seq_scaling_matrix_present_flag
        b.u(1, 1).se(-8); // list 0: use the default
        b.u(1, 1).se(2).se(0).se(-10); // list 1: 10, 10, 0 (ends)
        for (int i = 2; i < 8; i++) {
            b.u(1, 0);
        }
        b.ue(0).ue(0).ue(0); // log2_max_frame_num_minus4, pic_order_cnt_type 0, log2_max_poc_lsb_minus4
        b.ue(1).u(1, 0); // max_num_ref_frames, gaps
        b.ue(19).ue(11); // 20 x 12 macroblocks
        b.u(1, 1).u(1, 1); // frame_mbs_only, direct_8x8
        b.u(1, 1).ue(0).ue(0).ue(0).ue(6); // crop 12 lines at the bottom
        b.u(1, 0).u(1, 1); // no VUI, rbsp_stop_one_bit
        assertSps(b.bytes(), 100, 0, 12, 320, 180);
    }

    @Test
    void pictureOrderCountType1IsSkipped() {
        Bits b = new Bits();
        b.u(8, 0x67).u(8, 66).u(8, 0xC0).u(8, 30).ue(0);
        b.ue(0).ue(1); // log2_max_frame_num_minus4, pic_order_cnt_type 1
        b.u(1, 0).se(-1).se(2).ue(2).se(5).se(-7); // two offsets in the cycle
        b.ue(1).u(1, 0).ue(39).ue(29).u(1, 1).u(1, 1).u(1, 0); // 640x480, no cropping
        b.u(1, 0).u(1, 1);
        assertSps(b.bytes(), 66, 0xC0, 30, 640, 480);
    }

    @Test
    void aNalOfAnotherTypeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SequenceParameterSet.parse(hex("68ef8fc8")), "a PPS");
        assertEquals("not an H.264 sequence parameter set (4 bytes, NAL type 8)", e.getMessage());
        byte[] idr = MAIN_640X360.clone();
        idr[0] = 0x65;
        assertThrows(IllegalArgumentException.class, () -> SequenceParameterSet.parse(idr), "an IDR slice header");
        assertThrows(IllegalArgumentException.class, () -> SequenceParameterSet.parse(new byte[0]), "empty");
    }

    @Test
    void aTruncatedSpsIsRefused() {
        for (int length = 0; length < 9; length++) {
            byte[] cut = Arrays.copyOf(MAIN_640X360, length);
            assertThrows(IllegalArgumentException.class, () -> SequenceParameterSet.parse(cut),
                    length + " bytes");
        }
        byte[] cutHigh = Arrays.copyOf(HIGH_1280X720, 6);
        assertThrows(IllegalArgumentException.class, () -> SequenceParameterSet.parse(cutHigh));
    }

    @Test
    void outOfRangeValuesAreRefused() {
        Bits b = new Bits();
        b.u(8, 0x67).u(8, 100).u(8, 0).u(8, 12).ue(0).ue(4); // chroma_format_idc 4
        b.u(32, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SequenceParameterSet.parse(b.bytes()));
        assertEquals("chroma_format_idc 4 out of range", e.getMessage());
        Bits poc = new Bits();
        poc.u(8, 0x67).u(8, 66).u(8, 0).u(8, 30).ue(0).ue(0).ue(3).u(32, 0); // pic_order_cnt_type 3
        e = assertThrows(IllegalArgumentException.class, () -> SequenceParameterSet.parse(poc.bytes()));
        assertEquals("pic_order_cnt_type 3 out of range", e.getMessage());
    }

    /** A bit writer with Exp-Golomb codes, for crafted parameter sets (no emulation prevention needed here). */
    private static final class Bits {
        private final StringBuilder bits = new StringBuilder();

        Bits u(int n, long value) {
            for (int i = n - 1; i >= 0; i--) {
                bits.append((value >>> i & 1) == 1 ? '1' : '0');
            }
            return this;
        }

        Bits ue(int value) {
            long v = value + 1L;
            int length = 64 - Long.numberOfLeadingZeros(v);
            return u(length - 1, 0).u(length, v);
        }

        Bits se(int value) {
            return ue(value > 0 ? 2 * value - 1 : -2 * value);
        }

        byte[] bytes() {
            while (bits.length() % 8 != 0) {
                bits.append('0');
            }
            byte[] out = new byte[bits.length() / 8];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) Integer.parseInt(bits.substring(8 * i, 8 * i + 8), 2);
            }
            return out;
        }
    }
}
