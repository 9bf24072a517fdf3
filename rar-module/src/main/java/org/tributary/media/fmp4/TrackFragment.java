package org.tributary.media.fmp4;

/**
 * One track's samples in a media segment, in decode order. The arrays have one entry per sample and are
 * not copied: the caller hands them over.
 *
 * @param trackId            the init segment's track_ID
 * @param baseDecodeTime     decode time of the first sample, in the track's timescale (tfdt)
 * @param durations          sample durations, in the track's timescale
 * @param sizes              sample sizes in bytes
 * @param sync               whether each sample is a sync (key) sample
 * @param compositionOffsets presentation minus decode time per sample, may be negative
 */
public record TrackFragment(int trackId, long baseDecodeTime, int[] durations, int[] sizes, boolean[] sync,
                            int[] compositionOffsets) {

    public TrackFragment {
        int n = durations.length;
        if (sizes.length != n || sync.length != n || compositionOffsets.length != n) {
            throw new IllegalArgumentException("track " + trackId + ": per-sample arrays differ in length");
        }
        if (baseDecodeTime < 0) {
            throw new IllegalArgumentException("track " + trackId + ": negative decode time " + baseDecodeTime);
        }
    }

    public int sampleCount() {
        return durations.length;
    }

    /** The bytes of all samples. */
    public long dataBytes() {
        long total = 0;
        for (int s : sizes) {
            total += s;
        }
        return total;
    }
}
