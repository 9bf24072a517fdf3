package org.tributary.media.mp4;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.tributary.media.MediaFormatException;

/**
 * AVCDecoderConfigurationRecord ('avcC', ISO 14496-15): profile, level, NAL length field size
 * and the parameter sets. Accessors return copies, so instances stay immutable.
 */
public record AvcConfig(int profile, int profileCompatibility, int level, int nalLengthSize,
                        List<byte[]> sps, List<byte[]> pps) {

    public AvcConfig {
        sps = copy(sps);
        pps = copy(pps);
    }

    @Override
    public List<byte[]> sps() {
        return copy(sps);
    }

    @Override
    public List<byte[]> pps() {
        return copy(pps);
    }

    public static AvcConfig parse(byte[] avcC) throws MediaFormatException {
        try {
            ByteBuffer b = ByteBuffer.wrap(avcC);
            int version = b.get() & 0xFF;
            if (version != 1) {
                throw new MediaFormatException("avcC: unsupported configurationVersion " + version);
            }
            int profile = b.get() & 0xFF;
            int compat = b.get() & 0xFF;
            int level = b.get() & 0xFF;
            int lengthSize = (b.get() & 0x03) + 1;
            List<byte[]> sps = readSets(b, b.get() & 0x1F);
            List<byte[]> pps = readSets(b, b.get() & 0xFF);
            return new AvcConfig(profile, compat, level, lengthSize, sps, pps);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new MediaFormatException("avcC record is truncated", e);
        }
    }

    /** Reads {@code count} parameter sets, each preceded by a 16-bit length. */
    static List<byte[]> readSets(ByteBuffer b, int count) {
        List<byte[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] set = new byte[b.getShort() & 0xFFFF];
            b.get(set);
            out.add(set);
        }
        return out;
    }

    static List<byte[]> copy(List<byte[]> sets) {
        List<byte[]> out = new ArrayList<>(sets.size());
        for (byte[] s : sets) {
            out.add(s.clone());
        }
        return List.copyOf(out);
    }
}
