package org.tributary.rtp.payload.plan;

/**
 * How a stored track's codec is described in its file (an MP4 sample entry, or an MP3 file as
 * {@code ".mp3"}): what {@link PayloadPlans} needs to choose an RTP payload format.
 *
 * @param fourcc               the sample entry type, e.g. "avc1", "mp4a", "samr"
 * @param avcC                 the AVC decoder configuration record, or null
 * @param hvcC                 the HEVC decoder configuration record, or null
 * @param objectTypeIndication the esds objectTypeIndication, or 0
 * @param decoderSpecificInfo  the esds DecoderSpecificInfo, or null
 */
public record StoredCodec(String fourcc, byte[] avcC, byte[] hvcC, int objectTypeIndication,
                          byte[] decoderSpecificInfo) {

    /** An MP3 file: MPEG audio frames with no decoder configuration. */
    public static StoredCodec mp3() {
        return new StoredCodec(".mp3", null, null, 0, null);
    }
}
