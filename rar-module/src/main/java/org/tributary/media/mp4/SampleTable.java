package org.tributary.media.mp4;

import java.util.Arrays;

/**
 * Per-sample layout of one track, resolved from stts/ctts/stss/stsz/stz2/stsc/stco/co64 into
 * primitive arrays. Sample indices are 0-based. Immutable.
 */
public final class SampleTable {
    private final long[] offsets;
    private final int[] sizes;           // null when every sample has fixedSize bytes
    private final int fixedSize;
    private final long[] decodeTimes;
    private final int[] compositionOffsets; // null when there is no ctts
    private final int[] syncSamples;     // sorted, 0-based; null means every sample is sync
    private final long[] chunkOffsets;
    private final int[] chunkFirstSample;
    private final int maxSampleSize;
    private final long totalBytes;

    SampleTable(long[] offsets, int[] sizes, int fixedSize, long[] decodeTimes, int[] compositionOffsets,
                int[] syncSamples, long[] chunkOffsets, int[] chunkFirstSample) {
        this.offsets = offsets;
        this.sizes = sizes;
        this.fixedSize = fixedSize;
        this.decodeTimes = decodeTimes;
        this.compositionOffsets = compositionOffsets;
        this.syncSamples = syncSamples;
        this.chunkOffsets = chunkOffsets;
        this.chunkFirstSample = chunkFirstSample;
        int max = 0;
        long total = 0;
        for (int i = 0; i < offsets.length; i++) {
            int s = size(i);
            max = Math.max(max, s);
            total += s;
        }
        this.maxSampleSize = max;
        this.totalBytes = total;
    }

    static SampleTable empty() {
        return new SampleTable(new long[0], new int[0], 0, new long[0], null, null, new long[0], new int[0]);
    }

    public int count() {
        return offsets.length;
    }

    /** File offset of sample {@code i}. */
    public long offset(int i) {
        return offsets[i];
    }

    public int size(int i) {
        return sizes == null ? checkIndex(i, fixedSize) : sizes[i];
    }

    /** Decode time of sample {@code i} in media timescale units. */
    public long decodeTime(int i) {
        return decodeTimes[i];
    }

    /** Composition (presentation) time minus decode time; may be negative (ctts version 1). */
    public int compositionOffset(int i) {
        return compositionOffsets == null ? checkIndex(i, 0) : compositionOffsets[i];
    }

    public boolean isSync(int i) {
        checkIndex(i, 0);
        return syncSamples == null || Arrays.binarySearch(syncSamples, i) >= 0;
    }

    /** True when the track has no stss box, i.e. every sample is a sync sample. */
    public boolean allSync() {
        return syncSamples == null;
    }

    /**
     * Last sample whose decode time is &lt;= {@code decodeTime}; 0 when the time lies before the
     * first sample; -1 for an empty table.
     */
    public int sampleAtOrBefore(long decodeTime) {
        if (decodeTimes.length == 0) {
            return -1;
        }
        int lo = 0;
        int hi = decodeTimes.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (decodeTimes[mid] <= decodeTime) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Last sync sample at or before sample {@code i}, or -1 if there is none. */
    public int syncSampleAtOrBefore(int i) {
        checkIndex(i, 0);
        if (syncSamples == null) {
            return i;
        }
        int p = Arrays.binarySearch(syncSamples, i);
        if (p >= 0) {
            return i;
        }
        int insertion = -p - 1;
        return insertion == 0 ? -1 : syncSamples[insertion - 1];
    }

    public int maxSampleSize() {
        return maxSampleSize;
    }

    public long totalBytes() {
        return totalBytes;
    }

    /** Sum of all sample durations, i.e. end of the last sample in decode time. */
    long decodeEnd(long lastDelta) {
        return decodeTimes.length == 0 ? 0 : decodeTimes[decodeTimes.length - 1] + lastDelta;
    }

    /** Whether all samples share one size (stsz with a non-zero sample_size). */
    boolean fixedSize() {
        return sizes == null;
    }

    /** Index of the chunk holding sample {@code i}. */
    int chunkOf(int i) {
        checkIndex(i, 0);
        int p = Arrays.binarySearch(chunkFirstSample, i);
        if (p >= 0) {
            // several empty chunks may share a first sample: take the last, which holds sample i
            while (p + 1 < chunkFirstSample.length && chunkFirstSample[p + 1] == i) {
                p++;
            }
            return p;
        }
        return -p - 2;
    }

    long chunkOffset(int chunk) {
        return chunkOffsets[chunk];
    }

    int chunkFirstSample(int chunk) {
        return chunkFirstSample[chunk];
    }

    private int checkIndex(int i, int value) {
        if (i < 0 || i >= offsets.length) {
            throw new IndexOutOfBoundsException("sample " + i + " of " + offsets.length);
        }
        return value;
    }
}
