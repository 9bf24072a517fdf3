package org.tributary.hls.live;

/**
 * One access unit of a live track on the track's own timeline.
 *
 * @param pts  presentation time in the track's timescale (its RTP clock), unwrapped to 64 bits
 * @param key  a decoder can start here (always true for audio)
 * @param data the sample as fragmented MP4 stores it (length-prefixed NAL units, a raw AAC or MPEG audio frame)
 */
record LiveSample(long pts, boolean key, byte[] data) {
}
