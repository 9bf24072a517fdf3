package org.tributary.media.mp4;

import org.tributary.media.MediaFormatException;

/**
 * The leading fields of an MPEG-4 AudioSpecificConfig (ISO 14496-3 1.6.2.1): audio object type,
 * sampling frequency in Hz and channel configuration. For SBR/PS signalling (object type 5 or 29)
 * the frequency is the core (AAC) rate.
 */
public record AudioSpecificConfig(int objectType, int samplingFrequency, int channelConfiguration) {
    private static final int[] FREQUENCIES = {
        96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350
    };

    public static AudioSpecificConfig parse(byte[] config) throws MediaFormatException {
        BitReader r = new BitReader(config);
        int objectType = readObjectType(r);
        int frequency = readFrequency(r);
        int channels = r.bits(4);
        return new AudioSpecificConfig(objectType, frequency, channels);
    }

    private static int readObjectType(BitReader r) throws MediaFormatException {
        int type = r.bits(5);
        return type == 31 ? 32 + r.bits(6) : type;
    }

    private static int readFrequency(BitReader r) throws MediaFormatException {
        int index = r.bits(4);
        if (index == 0x0F) {
            return r.bits(24);
        }
        if (index >= FREQUENCIES.length) {
            throw new MediaFormatException("AudioSpecificConfig: reserved sampling frequency index " + index);
        }
        return FREQUENCIES[index];
    }

    /** Big-endian bit reader that reports running off the end as a format error. */
    private static final class BitReader {
        private final byte[] data;
        private int bit;

        BitReader(byte[] data) {
            this.data = data;
        }

        int bits(int n) throws MediaFormatException {
            if (bit + n > data.length * 8) {
                throw new MediaFormatException("AudioSpecificConfig is truncated");
            }
            int v = 0;
            for (int i = 0; i < n; i++, bit++) {
                v = (v << 1) | ((data[bit >>> 3] >>> (7 - (bit & 7))) & 1);
            }
            return v;
        }
    }
}
