package org.tributary.rtsp;

/**
 * A binary packet carried on the RTSP connection ({@code $}, channel, 16-bit length; RFC 2326 §10.12).
 *
 * @param channel the interleaved channel
 * @param payload the RTP or RTCP packet
 */
public record InterleavedFrame(int channel, byte[] payload) {
}
