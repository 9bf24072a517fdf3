package org.tributary.server;

import org.tributary.rtsp.RtspParseException;
import org.tributary.rtsp.RtspStatus;

import java.nio.ByteBuffer;

/**
 * Decodes the base64 text of a tunnel's POST half as it arrives. Clients encode each request on its
 * own, so padding may appear in the middle of the stream: decoding goes quad by quad, skipping line
 * breaks. Decoded bytes collect in a bounded buffer that the RTSP decoder reads.
 */
final class Base64Stream {

    private final int[] quad = new int[4];
    private int filled;
    private final int capacity;
    private ByteBuffer decoded = ByteBuffer.allocate(INITIAL_BYTES);

    private static final int INITIAL_BYTES = 512;

    /** @param capacity the most decoded bytes held at once; the buffer grows up to it as data arrives */
    Base64Stream(int capacity) {
        this.capacity = capacity;
    }

    /** The decoded bytes, in write mode (flip to read, compact after). */
    ByteBuffer decoded() {
        return decoded;
    }

    void decode(ByteBuffer text) throws RtspParseException {
        while (text.hasRemaining()) {
            int c = text.get() & 0xFF;
            if (c == '\r' || c == '\n' || c == ' ' || c == '\t') {
                continue;
            }
            int value = value(c);
            if (value < 0) {
                throw new RtspParseException(RtspStatus.BAD_REQUEST, "invalid base64 character in the tunnel");
            }
            quad[filled++] = value;
            if (filled == 4) {
                flushQuad();
            }
        }
    }

    private void flushQuad() throws RtspParseException {
        filled = 0;
        int pads = (quad[3] == 64 ? 1 : 0) + (quad[2] == 64 ? 1 : 0);
        if (quad[0] == 64 || quad[1] == 64 || (quad[2] == 64 && quad[3] != 64)) {
            throw new RtspParseException(RtspStatus.BAD_REQUEST, "misplaced base64 padding in the tunnel");
        }
        int bits = (quad[0] << 18) | (quad[1] << 12) | ((quad[2] & 63) << 6) | (quad[3] & 63);
        if (decoded.remaining() < 3) {
            grow();
        }
        decoded.put((byte) (bits >> 16));
        if (pads < 2) {
            decoded.put((byte) (bits >> 8));
        }
        if (pads < 1) {
            decoded.put((byte) bits);
        }
    }

    private void grow() throws RtspParseException {
        if (decoded.capacity() >= capacity) {
            throw new RtspParseException(RtspStatus.REQUEST_ENTITY_TOO_LARGE, "tunnelled request too large");
        }
        ByteBuffer bigger = ByteBuffer.allocate(Math.min(capacity, decoded.capacity() * 2));
        decoded.flip();
        bigger.put(decoded);
        decoded = bigger;
    }

    private static int value(int c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return switch (c) {
            case '+', '-' -> 62;
            case '/', '_' -> 63;
            case '=' -> 64;
            default -> -1;
        };
    }
}
