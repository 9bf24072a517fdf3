package org.tributary.rtp.payload.h264;

import org.tributary.rtp.payload.BitReader;


/**
 * What a fragmented-MP4 writer needs of an H.264 sequence parameter set (ITU-T H.264 7.3.2.1.1): the
 * profile, constraint flags and level (the avcC record's and the RFC 6381 codec string's first bytes) and the
 * picture size after cropping.
 *
 * @param profileIdc       profile_idc
 * @param constraintFlags  the byte of constraint_set flags after it
 * @param levelIdc         level_idc
 * @param width            luma width in pixels, cropping applied
 * @param height           luma height in pixels, cropping applied
 * @param chromaFormat     chroma_format_idc (1, 4:2:0, unless a high profile says otherwise)
 * @param bitDepthLuma     bits per luma sample (8 unless a high profile says otherwise)
 * @param bitDepthChroma   bits per chroma sample
 */
public record SequenceParameterSet(int profileIdc, int constraintFlags, int levelIdc, int width, int height,
                                   int chromaFormat, int bitDepthLuma, int bitDepthChroma) {

    /** Whether the profile's SPS (and so its avcC record) carries chroma format and bit depths. */
    public static boolean highProfile(int profile) {
        return switch (profile) {
            case 100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135 -> true;
            default -> false;
        };
    }


    /**
     * Parses an SPS NAL unit, its one-byte NAL header included.
     *
     * @throws IllegalArgumentException when it is not an SPS, is truncated or holds values out of range
     */
    public static SequenceParameterSet parse(byte[] nal) {
        if (nal.length < 4 || (nal[0] & 0x1F) != 7) {
            throw new IllegalArgumentException("not an H.264 sequence parameter set ("
                    + nal.length + " bytes" + (nal.length > 0 ? ", NAL type " + (nal[0] & 0x1F) : "") + ")");
        }
        BitReader r = new BitReader(BitReader.rbsp(nal));
        r.readBits(8); // NAL header
        int profile = r.readInt(8);
        int constraints = r.readInt(8);
        int level = r.readInt(8);
        r.readUe(); // seq_parameter_set_id
        int chromaFormat = 1;
        int bitDepthLuma = 8;
        int bitDepthChroma = 8;
        boolean separateColourPlanes = false;
        if (highProfile(profile)) {
            chromaFormat = r.readUe();
            if (chromaFormat > 3) {
                throw new IllegalArgumentException("chroma_format_idc " + chromaFormat + " out of range");
            }
            if (chromaFormat == 3) {
                separateColourPlanes = r.readBits(1) == 1;
            }
            bitDepthLuma = 8 + r.readUe();
            bitDepthChroma = 8 + r.readUe();
            if (bitDepthLuma > 14 || bitDepthChroma > 14) {
                throw new IllegalArgumentException("bit depth " + bitDepthLuma + "/" + bitDepthChroma + " out of range");
            }
            r.readBits(1); // qpprime_y_zero_transform_bypass_flag
            if (r.readBits(1) == 1) { // seq_scaling_matrix_present_flag
                int lists = chromaFormat != 3 ? 8 : 12;
                for (int i = 0; i < lists; i++) {
                    if (r.readBits(1) == 1) {
                        skipScalingList(r, i < 6 ? 16 : 64);
                    }
                }
            }
        }
        r.readUe(); // log2_max_frame_num_minus4
        int pocType = r.readUe();
        if (pocType == 0) {
            r.readUe(); // log2_max_pic_order_cnt_lsb_minus4
        } else if (pocType == 1) {
            r.readBits(1); // delta_pic_order_always_zero_flag
            r.readSe(); // offset_for_non_ref_pic
            r.readSe(); // offset_for_top_to_bottom_field
            int cycle = r.readUe();
            if (cycle > 255) {
                throw new IllegalArgumentException("num_ref_frames_in_pic_order_cnt_cycle " + cycle + " out of range");
            }
            for (int i = 0; i < cycle; i++) {
                r.readSe();
            }
        } else if (pocType != 2) {
            throw new IllegalArgumentException("pic_order_cnt_type " + pocType + " out of range");
        }
        r.readUe(); // max_num_ref_frames
        r.readBits(1); // gaps_in_frame_num_value_allowed_flag
        long widthMbs = r.readUe() + 1L;
        long heightMapUnits = r.readUe() + 1L;
        boolean frameMbsOnly = r.readBits(1) == 1;
        if (!frameMbsOnly) {
            r.readBits(1); // mb_adaptive_frame_field_flag
        }
        r.readBits(1); // direct_8x8_inference_flag
        long width = widthMbs * 16;
        long height = heightMapUnits * 16 * (frameMbsOnly ? 1 : 2);
        if (r.readBits(1) == 1) { // frame_cropping_flag
            long left = r.readUe();
            long right = r.readUe();
            long top = r.readUe();
            long bottom = r.readUe();
            int chromaArrayType = separateColourPlanes ? 0 : chromaFormat;
            long cropX = chromaArrayType == 0 ? 1 : (chromaFormat == 3 ? 1 : 2);
            long cropY = (chromaArrayType == 0 ? 1 : (chromaFormat == 1 ? 2 : 1)) * (frameMbsOnly ? 1 : 2);
            width -= (left + right) * cropX;
            height -= (top + bottom) * cropY;
        }
        if (width <= 0 || height <= 0 || width > 16_384 || height > 16_384) {
            throw new IllegalArgumentException("picture size " + width + "x" + height + " out of range");
        }
        return new SequenceParameterSet(profile, constraints, level, (int) width, (int) height, chromaFormat, bitDepthLuma,
                bitDepthChroma);
    }



    private static void skipScalingList(BitReader r, int size) {
        int last = 8;
        int next = 8;
        for (int j = 0; j < size; j++) {
            if (next != 0) {
                next = (last + r.readSe() + 256) % 256;
            }
            last = next == 0 ? last : next;
        }
    }

}
