package org.tributary.loadtool.publish;

/**
 * How a publisher sends: over TCP (interleaved on its RTSP connection) or UDP (to the server ports
 * of the SETUP answer), and the shape of its synthetic H.264 stream.
 */
public record PublishSettings(boolean udp, int bitrateBps, double fps, int gopFrames, int maxPayload,
                              int rtspTimeoutMillis) {
}
