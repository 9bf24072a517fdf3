package org.tributary.media.mp4;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.tributary.media.MediaFormatException;

/**
 * HEVCDecoderConfigurationRecord ('hvcC', ISO 14496-15): profile, level, NAL length field size
 * and the VPS/SPS/PPS arrays (other NAL arrays, e.g. SEI, are skipped). Accessors return copies.
 */
public record HevcConfig(int profileIdc, int levelIdc, int nalLengthSize,
                         List<byte[]> vps, List<byte[]> sps, List<byte[]> pps) {
    private static final int VPS = 32;
    private static final int SPS = 33;
    private static final int PPS = 34;

    public HevcConfig {
        vps = AvcConfig.copy(vps);
        sps = AvcConfig.copy(sps);
        pps = AvcConfig.copy(pps);
    }

    @Override
    public List<byte[]> vps() {
        return AvcConfig.copy(vps);
    }

    @Override
    public List<byte[]> sps() {
        return AvcConfig.copy(sps);
    }

    @Override
    public List<byte[]> pps() {
        return AvcConfig.copy(pps);
    }

    public static HevcConfig parse(byte[] hvcC) throws MediaFormatException {
        try {
            ByteBuffer b = ByteBuffer.wrap(hvcC);
            b.get(); // configurationVersion
            int profileIdc = b.get() & 0x1F; // after profile_space (2) and tier (1)
            b.position(b.position() + 4 + 6); // compatibility flags, constraint flags
            int levelIdc = b.get() & 0xFF;
            b.position(b.position() + 2 + 1 + 1 + 1 + 1 + 2); // segmentation .. avgFrameRate
            int lengthSize = (b.get() & 0x03) + 1;
            int arrays = b.get() & 0xFF;
            List<byte[]> vps = new ArrayList<>();
            List<byte[]> sps = new ArrayList<>();
            List<byte[]> pps = new ArrayList<>();
            for (int a = 0; a < arrays; a++) {
                int nalType = b.get() & 0x3F;
                List<byte[]> sets = AvcConfig.readSets(b, b.getShort() & 0xFFFF);
                switch (nalType) {
                    case VPS -> vps.addAll(sets);
                    case SPS -> sps.addAll(sets);
                    case PPS -> pps.addAll(sets);
                    default -> { } // SEI and others are not needed for streaming setup
                }
            }
            return new HevcConfig(profileIdc, levelIdc, lengthSize, vps, sps, pps);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new MediaFormatException("hvcC record is truncated", e);
        }
    }
}
