package org.tributary.loadtool.rtsp;

/**
 * One {@code m=} section of an SDP description.
 *
 * @param media       audio, video, application...
 * @param payloadType first RTP payload type listed
 * @param encoding    encoding name from rtpmap (or a static payload type's), may be empty
 * @param clockRate   RTP clock rate in Hz
 * @param control     the {@code a=control} value, may be null
 */
public record SdpTrack(String media, int payloadType, String encoding, int clockRate, String control) {
}
