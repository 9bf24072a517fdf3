package org.tributary.media.fmp4;

/**
 * The 'stsd' entries an init segment carries: a visual entry around the source's decoder configuration
 * (avcC for H.264, hvcC for H.265) and an 'mp4a' entry with an esds built from the audio's object type and
 * AudioSpecificConfig. Each returns the whole box.
 */
public final class SampleEntries {

    /** MPEG-4 audio (AAC) in esds's objectTypeIndication. */
    public static final int OBJECT_TYPE_AAC = 0x40;
    /** MPEG-1 audio (MP3) in esds's objectTypeIndication. */
    public static final int OBJECT_TYPE_MP3 = 0x6B;

    private SampleEntries() {
    }

    /**
     * A visual sample entry: {@code fourcc} "avc1" with {@code configType} "avcC", or "hvc1" with "hvcC";
     * {@code config} is the decoder configuration record as the source stores it.
     */
    public static byte[] visual(String fourcc, int width, int height, String configType, byte[] config) {
        BoxBuffer b = new BoxBuffer();
        int entry = b.open(fourcc);
        b.zeros(6).u16(1);                 // reserved, data_reference_index
        b.u16(0).u16(0).zeros(12);          // pre_defined, reserved, pre_defined[3]
        b.u16(width).u16(height);
        b.u32(0x00480000).u32(0x00480000);  // 72 dpi
        b.u32(0).u16(1);                    // reserved, frame_count
        b.zeros(32);                        // compressorname
        b.u16(0x0018).u16(0xFFFF);          // depth, pre_defined = -1
        int c = b.open(configType);
        b.bytes(config);
        b.close(c);
        b.close(entry);
        return b.toArray();
    }

    /**
     * An 'mp4a' entry: {@code objectType} {@link #OBJECT_TYPE_AAC} with its AudioSpecificConfig, or
     * {@link #OBJECT_TYPE_MP3} with none ({@code specificInfo} null).
     */
    public static byte[] audio(int channels, int sampleRate, int objectType, byte[] specificInfo,
                               long maxBitrate, long avgBitrate) {
        BoxBuffer b = new BoxBuffer();
        int entry = b.open("mp4a");
        b.zeros(6).u16(1);
        b.zeros(8);                              // reserved
        b.u16(channels).u16(16).u16(0).u16(0);   // channelcount, samplesize, pre_defined, reserved
        b.u32(sampleRate <= 0xFFFF ? (long) sampleRate << 16 : 0); // above 65535 Hz the config says
        int esds = b.openFull("esds", 0, 0);
        byte[] info = specificInfo == null ? new byte[0] : specificInfo;
        int decoderConfigLength = 13 + (info.length == 0 ? 0 : 5 + info.length);
        descriptor(b, 0x03, 3 + 5 + decoderConfigLength + 5 + 1);
        b.u16(0).u8(0);                          // ES_ID, flags
        descriptor(b, 0x04, decoderConfigLength);
        b.u8(objectType).u8(0x15);               // streamType 5 (audio) << 2 | reserved 1
        b.u24(0).u32(maxBitrate).u32(avgBitrate);
        if (info.length > 0) {
            descriptor(b, 0x05, info.length);
            b.bytes(info);
        }
        descriptor(b, 0x06, 1);
        b.u8(0x02);                              // SLConfig predefined: MP4
        b.close(esds);
        b.close(entry);
        return b.toArray();
    }

    /** A descriptor header with its length in the 4-byte form every reader accepts. */
    private static void descriptor(BoxBuffer b, int tag, int length) {
        b.u8(tag).u8(0x80 | (length >>> 21) & 0x7F).u8(0x80 | (length >>> 14) & 0x7F)
                .u8(0x80 | (length >>> 7) & 0x7F).u8(length & 0x7F);
    }
}
