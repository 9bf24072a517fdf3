package org.tributary.rtsp;

/**
 * What one connection carries, in either direction: a request, a response or an interleaved frame.
 * {@link RtspDecoder} returns one at a time; {@link #encode()} writes each back as it goes on the wire.
 */
public sealed interface RtspMessage permits RtspRequest, RtspResponse, InterleavedFrame {

    /** The message as bytes on the connection. */
    byte[] encode();
}
