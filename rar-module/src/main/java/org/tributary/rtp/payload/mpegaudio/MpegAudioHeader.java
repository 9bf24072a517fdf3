package org.tributary.rtp.payload.mpegaudio;

/**
 * The 4-byte MPEG-1/2/2.5 audio frame header (ISO/IEC 11172-3 §2.4.2.3), read as far as a receiver
 * needs it: how long the frame is and how many samples it holds.
 *
 * @param frameBytes      the frame's length, header included
 * @param samplesPerFrame 384, 576 or 1152
 * @param sampleRate      in Hz
 */
public record MpegAudioHeader(int frameBytes, int samplesPerFrame, int sampleRate) {
    private static final int[][] KBPS = {
        {32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448}, // MPEG-1 layer I
        {32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},    // MPEG-1 layer II
        {32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},     // MPEG-1 layer III
        {32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},    // MPEG-2/2.5 layer I
        {8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},         // MPEG-2/2.5 layers II, III
    };
    private static final int[] MPEG1_RATES = {44_100, 48_000, 32_000};

    /** Parses the header in the four bytes of {@code header}, or returns null when they are not one. */
    public static MpegAudioHeader parse(int header) {
        if ((header >>> 21) != 0x7FF) {
            return null;
        }
        int version = (header >>> 19) & 3;    // 0 = 2.5, 2 = 2, 3 = 1
        int layer = 4 - ((header >>> 17) & 3); // 1..3, 4 = reserved
        int bitrateIndex = (header >>> 12) & 0xF;
        int rateIndex = (header >>> 10) & 3;
        int padding = (header >>> 9) & 1;
        if (version == 1 || layer == 4 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
            return null;
        }
        boolean mpeg1 = version == 3;
        int kbps = KBPS[mpeg1 ? layer - 1 : (layer == 1 ? 3 : 4)][bitrateIndex - 1];
        int rate = MPEG1_RATES[rateIndex] >> (mpeg1 ? 0 : version == 2 ? 1 : 2);
        int bitrate = kbps * 1000;
        if (layer == 1) {
            return new MpegAudioHeader((12 * bitrate / rate + padding) * 4, 384, rate);
        }
        boolean halfFrame = layer == 3 && !mpeg1;
        return new MpegAudioHeader((halfFrame ? 72 : 144) * bitrate / rate + padding, halfFrame ? 576 : 1152, rate);
    }
}
