package org.tributary.loadtool.rtsp;

import org.tributary.rtsp.RtspResponse;

import java.nio.ByteBuffer;

/** Receives what an RTSP connection decodes: responses and {@code $}-framed interleaved data. */
public interface RtspInboundHandler {
    void onResponse(RtspResponse response);

    /**
     * One interleaved frame. The buffer is only valid during the call; read it with absolute gets
     * from {@code offset} for {@code length} bytes.
     */
    void onInterleaved(int channel, ByteBuffer data, int offset, int length);

    /** A request sent by the server (e.g. ANNOUNCE); ignored by default. */
    default void onServerRequest(String requestLine) {
    }
}
