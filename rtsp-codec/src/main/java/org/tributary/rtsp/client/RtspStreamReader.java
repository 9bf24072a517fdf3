package org.tributary.rtsp.client;

import org.tributary.rtsp.DecoderLimits;
import org.tributary.rtsp.RtspDecoder;
import org.tributary.rtsp.RtspMessage;
import org.tributary.rtsp.RtspParseException;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Reads whole messages (responses, requests, interleaved frames) from a blocking stream with the codec's
 * incremental decoder; the buffer grows up to the largest message the limits allow.
 */
public final class RtspStreamReader {

    private final InputStream in;
    private final RtspDecoder decoder;
    private final int maxMessageBytes;
    private ByteBuffer buffer = ByteBuffer.allocate(8192);

    public RtspStreamReader(InputStream in, DecoderLimits limits) {
        this.in = in;
        this.decoder = new RtspDecoder(limits);
        this.maxMessageBytes = limits.maxHeaderBytes() + limits.maxBodyBytes() + 4;
    }

    /** The next message; blocks until it is complete. */
    public RtspMessage read() throws IOException, RtspParseException {
        while (true) {
            buffer.flip();
            RtspMessage message = decoder.decode(buffer);
            buffer.compact();
            if (message != null) {
                return message;
            }
            if (!buffer.hasRemaining()) {
                grow();
            }
            int n = in.read(buffer.array(), buffer.position(), buffer.remaining());
            if (n < 0) {
                throw new EOFException("connection closed" + (buffer.position() > 0 ? " inside a message" : ""));
            }
            buffer.position(buffer.position() + n);
        }
    }

    private void grow() throws IOException {
        if (buffer.capacity() >= maxMessageBytes) {
            throw new IOException("message larger than " + maxMessageBytes + " bytes");
        }
        ByteBuffer bigger = ByteBuffer.allocate(Math.min(maxMessageBytes, buffer.capacity() * 2));
        buffer.flip();
        bigger.put(buffer);
        buffer = bigger;
    }
}
