package org.tributary.media.fmp4;

import java.util.List;

/**
 * Lays out a CMAF media segment: styp, a moof with one traf per track (tfhd with default-base-is-moof, tfdt,
 * a version-1 trun with every sample's duration, size, flags and composition offset), then one mdat with the
 * tracks' samples one after the other, in the order of the fragments.
 */
public final class MediaSegment {

    /** trun flags: data-offset, sample duration, size, flags and composition offset present. */
    private static final int TRUN_FLAGS = 0x000001 | 0x000100 | 0x000200 | 0x000400 | 0x000800;
    private static final int DEFAULT_BASE_IS_MOOF = 0x020000;
    /** sample_depends_on = 2 (depends on no other sample). */
    static final int SYNC_SAMPLE_FLAGS = 0x02000000;
    /** sample_depends_on = 1 and sample_is_non_sync_sample. */
    static final int NON_SYNC_SAMPLE_FLAGS = 0x01010000;

    private MediaSegment() {
    }

    /**
     * The segment as an array of its full size with everything but the sample bytes written; the samples of
     * fragment 0, then fragment 1, ... go at {@link Layout#dataStart()} onwards.
     */
    public static Layout layout(long sequenceNumber, List<TrackFragment> fragments) {
        BoxBuffer b = new BoxBuffer();
        int styp = b.open("styp");
        b.fourcc("msdh").u32(0).fourcc("msdh").fourcc("msix");
        b.close(styp);
        int moof = b.open("moof");
        int mfhd = b.openFull("mfhd", 0, 0);
        b.u32(sequenceNumber);
        b.close(mfhd);
        int[] dataOffsetAt = new int[fragments.size()];
        for (int f = 0; f < fragments.size(); f++) {
            TrackFragment t = fragments.get(f);
            int traf = b.open("traf");
            int tfhd = b.openFull("tfhd", 0, DEFAULT_BASE_IS_MOOF);
            b.u32(t.trackId());
            b.close(tfhd);
            int tfdt = b.openFull("tfdt", 1, 0);
            b.u64(t.baseDecodeTime());
            b.close(tfdt);
            int trun = b.openFull("trun", 1, TRUN_FLAGS);
            b.u32(t.sampleCount());
            dataOffsetAt[f] = b.length();
            b.u32(0);
            for (int i = 0; i < t.sampleCount(); i++) {
                b.u32(Integer.toUnsignedLong(t.durations()[i])).u32(Integer.toUnsignedLong(t.sizes()[i]));
                b.u32(t.sync()[i] ? SYNC_SAMPLE_FLAGS : NON_SYNC_SAMPLE_FLAGS);
                b.u32(t.compositionOffsets()[i] & 0xFFFFFFFFL);
            }
            b.close(trun);
            b.close(traf);
        }
        b.close(moof);
        long data = 0;
        for (TrackFragment t : fragments) {
            data += t.dataBytes();
        }
        int mdatStart = b.length();
        long total = mdatStart + 8 + data;
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("segment of " + total + " bytes is too large");
        }
        long offset = mdatStart + 8 - moof;        // from the moof to the first sample
        for (int f = 0; f < fragments.size(); f++) {
            b.putU32At(dataOffsetAt[f], offset);
            offset += fragments.get(f).dataBytes();
        }
        b.u32(8 + data).fourcc("mdat");
        return new Layout(b.toArray((int) total), b.length());
    }

    /** The size of the segment {@link #layout} makes for tracks of these sample counts and data bytes. */
    public static long size(int[] sampleCounts, long dataBytes) {
        long size = 24 + 8 + 16 + 8 + dataBytes;   // styp, moof header, mfhd, mdat header
        for (int n : sampleCounts) {
            if (n > 0) {
                size += 8 + 16 + 20 + 20 + 16L * n; // traf, tfhd, tfdt, trun header, its samples
            }
        }
        return size;
    }

    /**
     * A segment being filled.
     *
     * @param bytes     the whole segment, headers written
     * @param dataStart where the first sample's bytes go
     */
    public record Layout(byte[] bytes, int dataStart) {
    }
}
