package org.tributary.rtp.payload.h265;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of an HEVCDecoderConfigurationRecord (ISO/IEC 14496-15 §8.3.3.1, the "hvcC" box body)
 * that RTP streaming needs. Parameter set NAL units keep their 2-byte NAL header.
 *
 * @param profileSpace general_profile_space
 * @param tierFlag general_tier_flag
 * @param profileIdc general_profile_idc
 * @param levelIdc general_level_idc
 * @param nalLengthSize size in bytes of the NAL length prefix in samples (1, 2 or 4)
 */
public record HevcDecoderConfig(int profileSpace, boolean tierFlag, int profileIdc, int levelIdc,
                                int nalLengthSize, List<byte[]> vps, List<byte[]> sps, List<byte[]> pps) {
    static final int TYPE_VPS = 32;
    static final int TYPE_SPS = 33;
    static final int TYPE_PPS = 34;
    /** Bytes before numOfArrays: version .. lengthSizeMinusOne. */
    private static final int FIXED_HEADER = 22;

    public HevcDecoderConfig {
        vps = List.copyOf(vps);
        sps = List.copyOf(sps);
        pps = List.copyOf(pps);
    }

    /** Parses an hvcC box body; throws IllegalArgumentException when it is truncated. */
    public static HevcDecoderConfig parse(byte[] hvcC) {
        ByteBuffer b = ByteBuffer.wrap(hvcC);
        try {
            int version = b.get(0) & 0xFF;
            if (version > 1) { // some early muxers wrote 0
                throw new IllegalArgumentException("hvcC configurationVersion is " + version + ", expected 1");
            }
            int general = b.get(1) & 0xFF;
            int levelIdc = b.get(12) & 0xFF;
            int nalLengthSize = (b.get(21) & 0x03) + 1;
            b.position(FIXED_HEADER);
            int numArrays = b.get() & 0xFF;
            List<byte[]> vps = new ArrayList<>();
            List<byte[]> sps = new ArrayList<>();
            List<byte[]> pps = new ArrayList<>();
            for (int i = 0; i < numArrays; i++) {
                int type = b.get() & 0x3F;
                int numNalus = b.getShort() & 0xFFFF;
                for (int n = 0; n < numNalus; n++) {
                    byte[] nal = new byte[b.getShort() & 0xFFFF];
                    b.get(nal);
                    switch (type) {
                        case TYPE_VPS -> vps.add(nal);
                        case TYPE_SPS -> sps.add(nal);
                        case TYPE_PPS -> pps.add(nal);
                        default -> { } // SEI and others are not needed for the SDP
                    }
                }
            }
            return new HevcDecoderConfig(general >>> 6, (general & 0x20) != 0, general & 0x1F, levelIdc,
                    nalLengthSize, vps, sps, pps);
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("hvcC record truncated (" + hvcC.length + " bytes)", e);
        }
    }

    /**
     * The hvcC box body of these parameter sets with 4-byte NAL lengths (14496-15 8.3.3.1), its profile, tier,
     * level, chroma format and bit depths from the first SPS; one array per kind, each marked complete.
     *
     * @throws IllegalArgumentException without a VPS, SPS or PPS, or with an SPS that cannot be read
     */
    public static byte[] write(List<byte[]> vps, List<byte[]> sps, List<byte[]> pps) {
        if (vps.isEmpty() || sps.isEmpty() || pps.isEmpty()) {
            throw new IllegalArgumentException("an hvcC record needs a VPS, an SPS and a PPS, not " + vps.size()
                    + ", " + sps.size() + " and " + pps.size());
        }
        HevcSequenceParameterSet s = HevcSequenceParameterSet.parse(sps.get(0));
        int size = FIXED_HEADER + 1;
        for (List<byte[]> array : List.of(vps, sps, pps)) {
            size += 3;
            for (byte[] nal : array) {
                if (nal.length > 0xFFFF) {
                    throw new IllegalArgumentException("parameter set of " + nal.length + " bytes");
                }
                size += 2 + nal.length;
            }
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put((byte) 1).put(s.profileTierLevel());
        b.putShort((short) 0xF000); // min_spatial_segmentation_idc 0
        b.put((byte) 0xFC); // parallelismType 0: unknown
        b.put((byte) (0xFC | s.chromaFormat()));
        b.put((byte) (0xF8 | (s.bitDepthLuma() - 8)));
        b.put((byte) (0xF8 | (s.bitDepthChroma() - 8)));
        b.putShort((short) 0); // avgFrameRate unknown
        b.put((byte) ((Math.min(7, s.maxSubLayers()) << 3) | (s.temporalIdNested() ? 0x04 : 0) | 0x03));
        b.put((byte) 3);
        int[] types = {TYPE_VPS, TYPE_SPS, TYPE_PPS};
        List<List<byte[]>> arrays = List.of(vps, sps, pps);
        for (int i = 0; i < 3; i++) {
            b.put((byte) (0x80 | types[i]));
            b.putShort((short) arrays.get(i).size());
            for (byte[] nal : arrays.get(i)) {
                b.putShort((short) nal.length).put(nal);
            }
        }
        return b.array();
    }
}
