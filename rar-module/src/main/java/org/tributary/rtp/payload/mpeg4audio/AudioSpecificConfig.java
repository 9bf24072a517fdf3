package org.tributary.rtp.payload.mpeg4audio;

import org.tributary.rtp.payload.BitReader;

/**
 * The leading fields of an MPEG-4 AudioSpecificConfig (ISO/IEC 14496-3 §1.6.2.1), as stored in the
 * MP4 esds DecoderSpecificInfo.
 *
 * @param audioObjectType e.g. 2 = AAC LC, 5 = SBR, 29 = PS
 * @param samplingFrequency core sampling frequency in Hz (from the index table or the explicit 24-bit value)
 * @param channelConfiguration 0 = defined in a program config element, 1..7 per the standard
 */
public record AudioSpecificConfig(int audioObjectType, int samplingFrequency, int channelConfiguration) {
    private static final int[] SAMPLING_FREQUENCIES = {
        96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350
    };
    private static final int ESCAPE_OBJECT_TYPE = 31;
    private static final int EXPLICIT_FREQUENCY = 0xF;

    public static AudioSpecificConfig parse(byte[] asc) {
        BitReader r = new BitReader(asc);
        int objectType = r.readInt(5);
        if (objectType == ESCAPE_OBJECT_TYPE) {
            objectType = 32 + r.readInt(6);
        }
        int index = r.readInt(4);
        int frequency;
        if (index == EXPLICIT_FREQUENCY) {
            frequency = r.readInt(24);
        } else if (index < SAMPLING_FREQUENCIES.length) {
            frequency = SAMPLING_FREQUENCIES[index];
        } else {
            throw new IllegalArgumentException("reserved samplingFrequencyIndex " + index);
        }
        int channelConfiguration = r.readInt(4);
        return new AudioSpecificConfig(objectType, frequency, channelConfiguration);
    }

    /** Number of output channels implied by the channel configuration; 0 when it is defined elsewhere. */
    public int channelCount() {
        return switch (channelConfiguration) {
            case 1, 2, 3, 4, 5, 6 -> channelConfiguration;
            case 7 -> 8;
            default -> 0;
        };
    }
}
