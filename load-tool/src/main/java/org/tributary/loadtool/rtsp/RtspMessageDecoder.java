package org.tributary.loadtool.rtsp;

import org.tributary.rtsp.DecoderLimits;
import org.tributary.rtsp.RtspDecoder;
import org.tributary.rtsp.RtspMessage;
import org.tributary.rtsp.RtspParseException;
import org.tributary.rtsp.RtspRequest;
import org.tributary.rtsp.RtspResponse;

import java.nio.ByteBuffer;

/**
 * Splits the byte stream of an RTSP connection into responses and interleaved binary frames
 * ({@code '$'}, channel, 16-bit length, data: RFC 2326 section 10.12). Bytes are read straight into
 * {@link #writable(int)}, then {@link #decode(RtspInboundHandler)} delivers every complete message.
 * Responses are decoded by the codec's {@link RtspDecoder}; interleaved frames are handed over in place,
 * without a copy per packet, because thousands of TCP sessions pass through here.
 */
public final class RtspMessageDecoder {
    private final RtspDecoder messages = new RtspDecoder(DecoderLimits.DEFAULTS);

    private byte[] buffer;
    private ByteBuffer view;
    private int start;
    private int end;

    /**
     * Starts with 8 KiB, room for any handshake answer: a load run opens thousands of connections at once, and
     * with a 128 KiB array each (zeroed, its pages faulted in) the tool spent a fifth more CPU in a setup burst.
     * A connection that carries interleaved media grows its buffer as it needs to.
     */
    public RtspMessageDecoder() {
        this(8 * 1024);
    }

    public RtspMessageDecoder(int initialCapacity) {
        buffer = new byte[initialCapacity];
        view = ByteBuffer.wrap(buffer);
    }

    /** A buffer to read into, with at least {@code minimum} bytes of room; call {@link #advance} after. */
    public ByteBuffer writable(int minimum) {
        if (buffer.length - end < minimum) {
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            if (buffer.length - end < minimum) {
                byte[] bigger = new byte[Math.max(buffer.length * 2, end + minimum)];
                System.arraycopy(buffer, 0, bigger, 0, end);
                buffer = bigger;
                view = ByteBuffer.wrap(buffer);
            }
        }
        return ByteBuffer.wrap(buffer, end, buffer.length - end);
    }

    public void advance(int bytesRead) {
        end += bytesRead;
    }

    /** Copies bytes in (for tests and for feeding from streams). */
    public void feed(byte[] data, int offset, int length) {
        writable(length).put(data, offset, length);
        advance(length);
    }

    /** Delivers every complete message buffered; returns the number delivered. */
    public int decode(RtspInboundHandler handler) {
        int delivered = 0;
        while (end > start) {
            byte first = buffer[start];
            if (first == '$') {
                if (end - start < 4) {
                    break;
                }
                int channel = buffer[start + 1] & 0xFF;
                int length = ((buffer[start + 2] & 0xFF) << 8) | (buffer[start + 3] & 0xFF);
                if (end - start < 4 + length) {
                    break;
                }
                int offset = start + 4;
                start += 4 + length;
                handler.onInterleaved(channel, view, offset, length);
                delivered++;
            } else if (isTokenStart(first)) {
                ByteBuffer message = ByteBuffer.wrap(buffer, start, end - start);
                RtspMessage decoded;
                try {
                    decoded = messages.decode(message);
                } catch (RtspParseException e) {
                    throw new IllegalStateException("malformed RTSP message from the server: " + e.getMessage(), e);
                }
                if (decoded == null) {
                    break;
                }
                start = message.position();
                if (decoded instanceof RtspResponse response) {
                    handler.onResponse(response);
                } else if (decoded instanceof RtspRequest request) {
                    handler.onServerRequest(request.methodToken() + " " + request.uri());
                }
                delivered++;
            } else {
                // Not a frame, not a message: skip the stray byte (e.g. a CR/LF between messages).
                start++;
            }
        }
        if (start == end) {
            start = 0;
            end = 0;
        }
        return delivered;
    }

    private static boolean isTokenStart(byte b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
    }

    /** Bytes buffered but not yet decoded. */
    public int pending() {
        return end - start;
    }
}
