package org.tributary.rtp.payload;

/**
 * One complete access unit (a video frame, an audio frame) rebuilt from received RTP payloads.
 *
 * @param timestamp the RTP timestamp of the unit
 * @param keyFrame  true when a decoder can start here (IDR/IRAP, I-VOP; every audio frame)
 * @param data      the unit in its stored form: length-prefixed NAL units (4-byte prefixes) for
 *                  H.264/H.265, a raw AAC frame, an MPEG audio frame, a VOP with any headers before
 *                  it, an AMR storage-format frame
 */
public record AccessUnit(long timestamp, boolean keyFrame, byte[] data) {
}
