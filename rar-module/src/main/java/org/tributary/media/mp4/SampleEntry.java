package org.tributary.media.mp4;

/**
 * One sample description from 'stsd': its fourcc plus whatever a streamer needs from it: video
 * dimensions, audio channel count and rate, the decoder configuration (avcC, hvcC, esds) and, for
 * RTP hint tracks ('rtp '), the hint parameters. Fields that do not apply are 0 / null.
 * Immutable; byte-array accessors return copies.
 */
public final class SampleEntry {
    private final String fourcc;
    private final byte[] raw;
    private final int width;
    private final int height;
    private final int channelCount;
    private final int sampleRate;
    private final byte[] avcC;
    private final byte[] hvcC;
    private final int objectTypeIndication;
    private final byte[] decoderSpecificInfo;
    private final long maxBitrate;
    private final long avgBitrate;
    private final Integer rtpTimescale;
    private final Integer rtpTimestampOffset;
    private final Integer rtpSequenceOffset;
    private final long maxPacketSize;

    SampleEntry(Builder b) {
        fourcc = b.fourcc;
        raw = b.raw;
        width = b.width;
        height = b.height;
        channelCount = b.channelCount;
        sampleRate = b.sampleRate;
        avcC = b.avcC;
        hvcC = b.hvcC;
        objectTypeIndication = b.objectTypeIndication;
        decoderSpecificInfo = b.decoderSpecificInfo;
        maxBitrate = b.maxBitrate;
        avgBitrate = b.avgBitrate;
        rtpTimescale = b.rtpTimescale;
        rtpTimestampOffset = b.rtpTimestampOffset;
        rtpSequenceOffset = b.rtpSequenceOffset;
        maxPacketSize = b.maxPacketSize;
    }

    /** Data format, e.g. "avc1", "hvc1", "mp4a", ".mp3", "samr", "rtp ". */
    public String fourcc() {
        return fourcc;
    }

    /** The whole entry as stored in 'stsd', header included (what hint sample-description constructors index). */
    public byte[] rawBytes() {
        return raw.clone();
    }

    int rawLength() {
        return raw.length;
    }

    void copyRaw(int offset, int length, java.nio.ByteBuffer dst) {
        dst.put(raw, offset, length);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int channelCount() {
        return channelCount;
    }

    /** Sample rate from the entry itself; for AAC the AudioSpecificConfig in {@link #decoderSpecificInfo()} is exact. */
    public int sampleRate() {
        return sampleRate;
    }

    /** AVCDecoderConfigurationRecord bytes, or null. */
    public byte[] avcC() {
        return avcC == null ? null : avcC.clone();
    }

    /** HEVCDecoderConfigurationRecord bytes, or null. */
    public byte[] hvcC() {
        return hvcC == null ? null : hvcC.clone();
    }

    /** esds objectTypeIndication (0x40 AAC, 0x6B/0x69 MP3, 0x20 MPEG-4 visual), 0 without esds. */
    public int objectTypeIndication() {
        return objectTypeIndication;
    }

    /** esds DecoderSpecificInfo (AudioSpecificConfig, VOL header...), or null without esds. */
    public byte[] decoderSpecificInfo() {
        return decoderSpecificInfo == null ? null : decoderSpecificInfo.clone();
    }

    /** esds maxBitrate in bits/s, 0 when absent. */
    public long maxBitrate() {
        return maxBitrate;
    }

    /** esds avgBitrate in bits/s, 0 when absent. */
    public long avgBitrate() {
        return avgBitrate;
    }

    /** 'rtp ' entry: RTP clock rate from 'tims', or null. */
    public Integer rtpTimescale() {
        return rtpTimescale;
    }

    /** 'rtp ' entry: random RTP timestamp offset from 'tsro', or null. */
    public Integer rtpTimestampOffset() {
        return rtpTimestampOffset;
    }

    /** 'rtp ' entry: random sequence number offset from 'snro', or null. */
    public Integer rtpSequenceOffset() {
        return rtpSequenceOffset;
    }

    /** 'rtp ' entry: largest packet the hint track produces, 0 otherwise. */
    public long maxPacketSize() {
        return maxPacketSize;
    }

    @Override
    public String toString() {
        return "SampleEntry[" + fourcc + (width > 0 ? " " + width + "x" + height : "")
                + (sampleRate > 0 ? " " + sampleRate + "Hz/" + channelCount + "ch" : "") + "]";
    }

    /** Mutable collector used by the parser only. */
    static final class Builder {
        String fourcc;
        byte[] raw;
        int width;
        int height;
        int channelCount;
        int sampleRate;
        byte[] avcC;
        byte[] hvcC;
        int objectTypeIndication;
        byte[] decoderSpecificInfo;
        long maxBitrate;
        long avgBitrate;
        Integer rtpTimescale;
        Integer rtpTimestampOffset;
        Integer rtpSequenceOffset;
        long maxPacketSize;
    }
}
