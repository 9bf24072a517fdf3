package org.tributary.hls.live;

/**
 * One partial segment of a live stream (Low-Latency HLS): a {@code moof} and {@code mdat} of a few hundred
 * milliseconds, published as soon as it is cut; a segment is the concatenation of its parts.
 *
 * @param segment         the sequence number of the segment it belongs to
 * @param index           its place in that segment, from 0
 * @param bytes           styp, moof, mdat
 * @param durationSeconds the decode time it spans
 * @param independent     it starts with a key frame
 * @param endsSegment     the next part starts a new segment (at a key frame)
 * @param segmentDateMillis the wall-clock time the segment's first sample arrived
 */
record LivePart(long segment, int index, byte[] bytes, double durationSeconds, boolean independent,
                boolean endsSegment, long segmentDateMillis) {
}
