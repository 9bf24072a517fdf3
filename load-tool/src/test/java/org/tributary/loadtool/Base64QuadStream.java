package org.tributary.loadtool;

import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes base64 text as it arrives, four characters at a time, as a tunnel's POST body needs:
 * clients encode each request on its own, so padding may appear in the middle of the stream (which
 * {@link java.util.Base64#getDecoder()}'s stream would take as the end). Whitespace is skipped; any
 * other character outside the alphabet is an error.
 */
final class Base64QuadStream extends InputStream {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private final InputStream text;
    private final byte[] decoded = new byte[3];
    private int available;
    private int next;

    Base64QuadStream(InputStream text) {
        this.text = text;
    }

    @Override
    public int read() throws IOException {
        while (next == available) {
            if (!decodeQuad()) {
                return -1;
            }
        }
        return decoded[next++] & 0xFF;
    }

    private boolean decodeQuad() throws IOException {
        int[] quad = new int[4];
        for (int i = 0; i < 4; i++) {
            int c = text.read();
            while (c == '\r' || c == '\n' || c == ' ' || c == '\t') {
                c = text.read();
            }
            if (c < 0) {
                return false;
            }
            quad[i] = c == '=' ? -1 : ALPHABET.indexOf(c);
            if (c != '=' && quad[i] < 0) {
                throw new IOException("not base64: " + (char) c);
            }
        }
        if (quad[0] < 0 || quad[1] < 0 || (quad[2] < 0 && quad[3] >= 0)) {
            throw new IOException("misplaced base64 padding");
        }
        int bits = (quad[0] << 18) | (quad[1] << 12) | (Math.max(quad[2], 0) << 6) | Math.max(quad[3], 0);
        decoded[0] = (byte) (bits >> 16);
        decoded[1] = (byte) (bits >> 8);
        decoded[2] = (byte) bits;
        available = quad[2] < 0 ? 1 : quad[3] < 0 ? 2 : 3;
        next = 0;
        return true;
    }
}
