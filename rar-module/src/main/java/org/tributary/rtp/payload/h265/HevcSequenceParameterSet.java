package org.tributary.rtp.payload.h265;

import org.tributary.rtp.payload.BitReader;

import java.util.Arrays;

/**
 * What a fragmented-MP4 writer needs of an H.265 sequence parameter set (ITU-T H.265 7.3.2.2): the general
 * profile, tier and level fields as they stand (the 12 bytes the hvcC record repeats), the sub-layer count, the
 * chroma format and bit depths, and the picture size after the conformance window.
 *
 * @param profileTierLevel general_profile_space .. general_level_idc, 12 bytes
 * @param maxSubLayers     sps_max_sub_layers_minus1 + 1
 * @param temporalIdNested sps_temporal_id_nesting_flag
 */
public record HevcSequenceParameterSet(byte[] profileTierLevel, int maxSubLayers, boolean temporalIdNested,
                                       int chromaFormat, int bitDepthLuma, int bitDepthChroma, int width, int height) {

    /**
     * Parses an SPS NAL unit, its two-byte NAL header included.
     *
     * @throws IllegalArgumentException when it is not an SPS, is truncated or holds values out of range
     */
    public static HevcSequenceParameterSet parse(byte[] nal) {
        if (nal.length < 16 || ((nal[0] >>> 1) & 0x3F) != HevcDecoderConfig.TYPE_SPS) {
            throw new IllegalArgumentException("not an H.265 sequence parameter set (" + nal.length + " bytes"
                    + (nal.length > 0 ? ", NAL type " + ((nal[0] >>> 1) & 0x3F) : "") + ")");
        }
        byte[] rbsp = BitReader.rbsp(nal);
        BitReader r = new BitReader(rbsp);
        r.readBits(16); // NAL header
        r.readBits(4); // sps_video_parameter_set_id
        int maxSubLayersMinus1 = r.readInt(3);
        boolean nested = r.readBits(1) == 1;
        byte[] ptl = Arrays.copyOfRange(rbsp, 3, 15);
        r.readBits(32);
        r.readBits(32);
        r.readBits(32); // the 96 bits of the general profile, tier and level
        boolean[] profilePresent = new boolean[maxSubLayersMinus1];
        boolean[] levelPresent = new boolean[maxSubLayersMinus1];
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            profilePresent[i] = r.readBits(1) == 1;
            levelPresent[i] = r.readBits(1) == 1;
        }
        if (maxSubLayersMinus1 > 0) {
            for (int i = maxSubLayersMinus1; i < 8; i++) {
                r.readBits(2); // reserved_zero_2bits
            }
        }
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            if (profilePresent[i]) {
                r.readBits(32);
                r.readBits(32);
                r.readBits(24); // 88 bits of the sub-layer's profile
            }
            if (levelPresent[i]) {
                r.readBits(8);
            }
        }
        r.readUe(); // sps_seq_parameter_set_id
        int chroma = r.readUe();
        if (chroma > 3) {
            throw new IllegalArgumentException("chroma_format_idc " + chroma + " out of range");
        }
        boolean separatePlanes = chroma == 3 && r.readBits(1) == 1;
        long width = r.readUe();
        long height = r.readUe();
        if (r.readBits(1) == 1) { // conformance_window_flag
            int subWidth = chroma == 1 || chroma == 2 ? 2 : 1;
            int subHeight = chroma == 1 ? 2 : 1;
            if (separatePlanes) {
                subWidth = 1;
                subHeight = 1;
            }
            long left = r.readUe();
            long right = r.readUe();
            long top = r.readUe();
            long bottom = r.readUe();
            width -= subWidth * (left + right);
            height -= subHeight * (top + bottom);
        }
        int bitDepthLuma = r.readUe() + 8;
        int bitDepthChroma = r.readUe() + 8;
        if (width <= 0 || height <= 0 || width > 16_384 || height > 16_384 || bitDepthLuma > 16 || bitDepthChroma > 16) {
            throw new IllegalArgumentException("picture size " + width + "x" + height + " or bit depth out of range");
        }
        return new HevcSequenceParameterSet(ptl, maxSubLayersMinus1 + 1, nested, chroma, bitDepthLuma, bitDepthChroma,
                (int) width, (int) height);
    }

}
