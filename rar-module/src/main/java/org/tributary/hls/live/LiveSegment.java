package org.tributary.hls.live;

import java.util.List;

/**
 * One finished media segment of a live stream: its parts, end to end.
 *
 * @param sequence          its media sequence number, also its name (seg&lt;sequence&gt;.m4s)
 * @param bytes             the whole segment (its parts' styp, moof, mdat, one after the other)
 * @param durationSeconds   from its first key frame to the next segment's
 * @param programDateMillis the wall-clock time of its first sample (when that arrived at the server)
 * @param parts             its parts, which Low-Latency HLS players fetched before it was finished
 */
record LiveSegment(long sequence, byte[] bytes, double durationSeconds, long programDateMillis, List<LivePart> parts) {

    /** The segment its parts make. */
    static LiveSegment of(List<LivePart> parts) {
        int size = 0;
        double duration = 0;
        for (LivePart p : parts) {
            size += p.bytes().length;
            duration += p.durationSeconds();
        }
        byte[] bytes = new byte[size];
        int at = 0;
        for (LivePart p : parts) {
            System.arraycopy(p.bytes(), 0, bytes, at, p.bytes().length);
            at += p.bytes().length;
        }
        LivePart first = parts.get(0);
        return new LiveSegment(first.segment(), bytes, duration, first.segmentDateMillis(), List.copyOf(parts));
    }

    /** The same segment once its parts are no longer listed (their bytes are all in {@link #bytes}). */
    LiveSegment withoutParts() {
        return new LiveSegment(sequence, bytes, durationSeconds, programDateMillis, List.of());
    }
}
