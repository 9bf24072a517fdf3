package org.tributary.rtp.payload.h264;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of an AVCDecoderConfigurationRecord (ISO/IEC 14496-15 §5.3.3.1, the "avcC" box body)
 * that RTP streaming needs. The optional high-profile extension after the PPS list is ignored.
 *
 * @param profileIndication AVCProfileIndication (profile_idc)
 * @param profileCompatibility the constraint-flag byte between profile and level
 * @param levelIndication AVCLevelIndication (level_idc)
 * @param nalLengthSize size in bytes of the NAL length prefix in samples (1, 2 or 4)
 * @param sps sequence parameter set NAL units, with their NAL header byte
 * @param pps picture parameter set NAL units, with their NAL header byte
 */
public record AvcDecoderConfig(int profileIndication, int profileCompatibility, int levelIndication,
                               int nalLengthSize, List<byte[]> sps, List<byte[]> pps) {

    public AvcDecoderConfig {
        sps = List.copyOf(sps);
        pps = List.copyOf(pps);
    }

    /** Parses an avcC box body; throws IllegalArgumentException when it is truncated or not version 1. */
    public static AvcDecoderConfig parse(byte[] avcC) {
        ByteBuffer b = ByteBuffer.wrap(avcC);
        try {
            int version = b.get() & 0xFF;
            if (version != 1) {
                throw new IllegalArgumentException("avcC configurationVersion is " + version + ", expected 1");
            }
            int profile = b.get() & 0xFF;
            int compat = b.get() & 0xFF;
            int level = b.get() & 0xFF;
            int nalLengthSize = (b.get() & 0x03) + 1;
            int numSps = b.get() & 0x1F;
            List<byte[]> sps = readNalList(b, numSps);
            int numPps = b.get() & 0xFF;
            List<byte[]> pps = readNalList(b, numPps);
            return new AvcDecoderConfig(profile, compat, level, nalLengthSize, sps, pps);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("avcC record truncated (" + avcC.length + " bytes)", e);
        }
    }

    private static List<byte[]> readNalList(ByteBuffer b, int count) {
        List<byte[]> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] nal = new byte[b.getShort() & 0xFFFF];
            b.get(nal);
            list.add(nal);
        }
        return list;
    }

    /**
     * The avcC box body of these parameter sets with 4-byte NAL lengths (14496-15 5.3.3.1), from the first SPS's
     * profile, constraint flags and level; for the profiles 100, 110, 122 and 144 with the chroma format and bit
     * depths that follow the PPS list there (and no SPS extensions).
     *
     * @throws IllegalArgumentException without an SPS or a PPS, or with more than the record can count
     */
    public static byte[] write(List<byte[]> sps, List<byte[]> pps) {
        if (sps.isEmpty() || pps.isEmpty() || sps.size() > 31 || pps.size() > 255) {
            throw new IllegalArgumentException("an avcC record needs 1..31 SPS and 1..255 PPS, not "
                    + sps.size() + " and " + pps.size());
        }
        byte[] first = sps.get(0);
        if (first.length < 4) {
            throw new IllegalArgumentException("SPS of " + first.length + " bytes");
        }
        SequenceParameterSet first0 = SequenceParameterSet.parse(sps.get(0));
        boolean extension = switch (first0.profileIdc()) {
            case 100, 110, 122, 144 -> true;
            default -> false;
        };
        int size = extension ? 11 : 7;
        for (byte[] nal : sps) {
            size += 2 + nal.length;
        }
        for (byte[] nal : pps) {
            size += 2 + nal.length;
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put((byte) 1).put(first[1]).put(first[2]).put(first[3]);
        b.put((byte) 0xFF); // reserved bits, lengthSizeMinusOne = 3
        b.put((byte) (0xE0 | sps.size()));
        writeNalList(b, sps);
        b.put((byte) pps.size());
        writeNalList(b, pps);
        if (extension) {
            b.put((byte) (0xFC | first0.chromaFormat()));
            b.put((byte) (0xF8 | (first0.bitDepthLuma() - 8)));
            b.put((byte) (0xF8 | (first0.bitDepthChroma() - 8)));
            b.put((byte) 0); // numOfSequenceParameterSetExt
        }
        return b.array();
    }

    private static void writeNalList(ByteBuffer b, List<byte[]> nals) {
        for (byte[] nal : nals) {
            if (nal.length > 0xFFFF) {
                throw new IllegalArgumentException("parameter set of " + nal.length + " bytes");
            }
            b.putShort((short) nal.length).put(nal);
        }
    }
}
