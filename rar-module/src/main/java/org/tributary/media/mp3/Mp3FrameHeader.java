package org.tributary.media.mp3;

/**
 * A decoded 32-bit MPEG audio frame header (ISO 11172-3 / 13818-3, plus the MPEG 2.5 extension).
 *
 * @param bitrate   bits per second
 * @param channelMode 0 stereo, 1 joint stereo, 2 dual channel, 3 mono
 */
public record Mp3FrameHeader(Version version, int layer, int bitrate, int sampleRate, boolean padding,
                             int channelMode, boolean crcProtected) {

    /** MPEG audio version. */
    public enum Version { MPEG_1, MPEG_2, MPEG_2_5 }

    private static final int[][] BITRATES_KBPS = {
        {32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448}, // V1 L1
        {32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},    // V1 L2
        {32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},     // V1 L3
        {32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},    // V2/2.5 L1
        {8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},         // V2/2.5 L2 and L3
    };
    private static final int[] RATES_V1 = {44100, 48000, 32000};
    public static final int MONO = 3;

    /**
     * Decodes {@code header} (big-endian, first byte in the top bits). Returns null when it is not
     * a usable frame header: no sync, reserved version/layer/rate/emphasis, or free/bad bitrate.
     */
    public static Mp3FrameHeader parse(int header) {
        if ((header >>> 21) != 0x7FF) {
            return null;
        }
        int versionBits = (header >>> 19) & 3;
        int layerBits = (header >>> 17) & 3;
        int bitrateIndex = (header >>> 12) & 0xF;
        int rateIndex = (header >>> 10) & 3;
        if (versionBits == 1 || layerBits == 0 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3
                || (header & 3) == 2) {
            return null;
        }
        Version version = versionBits == 3 ? Version.MPEG_1 : versionBits == 2 ? Version.MPEG_2 : Version.MPEG_2_5;
        int layer = 4 - layerBits;
        int table = version == Version.MPEG_1 ? layer - 1 : (layer == 1 ? 3 : 4);
        int bitrate = BITRATES_KBPS[table][bitrateIndex - 1] * 1000;
        int divisor = version == Version.MPEG_1 ? 1 : version == Version.MPEG_2 ? 2 : 4;
        int sampleRate = RATES_V1[rateIndex] / divisor;
        return new Mp3FrameHeader(version, layer, bitrate, sampleRate, ((header >>> 9) & 1) != 0,
                (header >>> 6) & 3, ((header >>> 16) & 1) == 0);
    }

    public int channels() {
        return channelMode == MONO ? 1 : 2;
    }

    public int samplesPerFrame() {
        if (layer == 1) {
            return 384;
        }
        return layer == 3 && version != Version.MPEG_1 ? 576 : 1152;
    }

    /** Whole frame length in bytes, header included. */
    public int frameLength() {
        if (layer == 1) {
            return (12 * bitrate / sampleRate + (padding ? 1 : 0)) * 4;
        }
        return samplesPerFrame() / 8 * bitrate / sampleRate + (padding ? 1 : 0);
    }

    /** Bytes of Layer III side information after the header (and CRC); where a Xing tag starts. */
    int sideInfoLength() {
        if (version == Version.MPEG_1) {
            return channels() == 1 ? 17 : 32;
        }
        return channels() == 1 ? 9 : 17;
    }

    /** Whether {@code other} can belong to the same stream (same version, layer and sample rate). */
    boolean sameStream(Mp3FrameHeader other) {
        return version == other.version && layer == other.layer && sampleRate == other.sampleRate;
    }
}
