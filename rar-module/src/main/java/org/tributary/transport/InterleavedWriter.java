package org.tributary.transport;

import java.nio.ByteBuffer;

/**
 * The connection interleaved packets are written to (an RTSP connection, or the GET half of a tunnel).
 * Declared here so that transport does not depend on the server that implements it.
 */
public interface InterleavedWriter {

    /**
     * Queues one complete interleaved frame ({@code $}, channel, length, packet; position..limit) without
     * blocking. Returns false when the frame had to be dropped because the client reads too slowly.
     */
    boolean sendMedia(ByteBuffer frame);
}
