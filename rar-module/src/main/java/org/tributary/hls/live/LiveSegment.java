package org.tributary.hls.live;

/**
 * One finished media segment of a live stream.
 *
 * @param sequence          its media sequence number, also its name (seg&lt;sequence&gt;.m4s)
 * @param bytes             the whole segment (styp, moof, mdat)
 * @param durationSeconds   from its first key frame to the next segment's
 * @param programDateMillis the wall-clock time of its first sample (when that arrived at the server)
 */
record LiveSegment(long sequence, byte[] bytes, double durationSeconds, long programDateMillis) {
}
