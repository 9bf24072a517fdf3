package org.tributary.media.mp4;

import java.util.List;
import java.util.Map;

/**
 * One track ('trak') of a movie: identity, media timing, sample descriptions, sample table, edit
 * list summary, track references and, for RTP hint tracks, the hint parameters. Immutable.
 */
public final class Mp4Track {
    private final int trackId;
    private final String handlerType;
    private final long mediaTimescale;
    private final long mediaDuration;
    private final String language;
    private final List<SampleEntry> sampleEntries;
    private final SampleTable samples;
    private final long mediaStartTime;
    private final long emptyEditDurationMovieUnits;
    private final Map<String, int[]> references;
    private final String trackSdp;

    Mp4Track(int trackId, String handlerType, long mediaTimescale, long mediaDuration, String language,
             List<SampleEntry> sampleEntries, SampleTable samples, long mediaStartTime,
             long emptyEditDurationMovieUnits, Map<String, int[]> references, String trackSdp) {
        this.trackId = trackId;
        this.handlerType = handlerType;
        this.mediaTimescale = mediaTimescale;
        this.mediaDuration = mediaDuration;
        this.language = language;
        this.sampleEntries = List.copyOf(sampleEntries);
        this.samples = samples;
        this.mediaStartTime = mediaStartTime;
        this.emptyEditDurationMovieUnits = emptyEditDurationMovieUnits;
        this.references = Map.copyOf(references);
        this.trackSdp = trackSdp;
    }

    public int trackId() {
        return trackId;
    }

    /** Handler fourcc from mdia/hdlr: "vide", "soun", "hint", "text", "sbtl", ... */
    public String handlerType() {
        return handlerType;
    }

    public long mediaTimescale() {
        return mediaTimescale;
    }

    /** Media duration from mdhd, in media timescale units. */
    public long mediaDuration() {
        return mediaDuration;
    }

    public double mediaDurationSeconds() {
        return mediaTimescale == 0 ? 0 : (double) mediaDuration / mediaTimescale;
    }

    /** ISO 639-2/T code from mdhd ("und" when unspecified or a QuickTime Macintosh code other than English). */
    public String language() {
        return language;
    }

    /** First stsd entry, or null for a track without sample descriptions. */
    public SampleEntry sampleEntry() {
        return sampleEntries.isEmpty() ? null : sampleEntries.get(0);
    }

    /** All stsd entries; index 0 is sample description index 1. */
    public List<SampleEntry> sampleEntries() {
        return sampleEntries;
    }

    public SampleTable samples() {
        return samples;
    }

    /** Media time (media timescale) where presentation starts: the first non-empty edit's media_time, else 0. */
    public long mediaStartTime() {
        return mediaStartTime;
    }

    /** Total duration of the leading empty edits (media_time -1), in movie timescale units. */
    public long emptyEditDurationMovieUnits() {
        return emptyEditDurationMovieUnits;
    }

    /** Track IDs referenced with {@code type} in 'tref' (e.g. "hint"), empty when none. */
    public int[] trackReferences(String type) {
        int[] ids = references.get(type);
        return ids == null ? new int[0] : ids.clone();
    }

    /** Session-level-free SDP fragment for this track from udta/hnti/'sdp ', or null. */
    public String trackSdp() {
        return trackSdp;
    }

    public boolean isHintTrack() {
        return "hint".equals(handlerType);
    }

    public Integer rtpTimescale() {
        SampleEntry e = sampleEntry();
        return e == null ? null : e.rtpTimescale();
    }

    public Integer rtpTimestampOffset() {
        SampleEntry e = sampleEntry();
        return e == null ? null : e.rtpTimestampOffset();
    }

    public Integer rtpSequenceOffset() {
        SampleEntry e = sampleEntry();
        return e == null ? null : e.rtpSequenceOffset();
    }

    /** Largest RTP packet of a hint track, 0 for other tracks. */
    public long maxPacketSize() {
        SampleEntry e = sampleEntry();
        return e == null ? 0 : e.maxPacketSize();
    }

    @Override
    public String toString() {
        return "Mp4Track[id=" + trackId + " " + handlerType + " " + sampleEntry() + " samples=" + samples.count() + "]";
    }
}
