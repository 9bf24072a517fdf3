package org.tributary.media.fmp4;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growing big-endian byte buffer that writes nested boxes: {@link #open} writes a header with a placeholder
 * size, {@link #close} patches it once the content is written.
 */
final class BoxBuffer {

    private byte[] bytes = new byte[256];
    private int length;

    /** Starts a box of {@code type}; returns where it starts, for {@link #close}. */
    int open(String type) {
        int start = length;
        u32(0);
        fourcc(type);
        return start;
    }

    /** Starts a full box (version and 24-bit flags after the header). */
    int openFull(String type, int version, int flags) {
        int start = open(type);
        u32(((long) version << 24) | (flags & 0xFFFFFF));
        return start;
    }

    /** Ends the box started at {@code start}, writing its size. */
    void close(int start) {
        putU32At(start, length - start);
    }

    BoxBuffer u8(int v) {
        ensure(1);
        bytes[length++] = (byte) v;
        return this;
    }

    BoxBuffer u16(int v) {
        return u8(v >>> 8).u8(v);
    }

    BoxBuffer u24(int v) {
        return u8(v >>> 16).u8(v >>> 8).u8(v);
    }

    BoxBuffer u32(long v) {
        ensure(4);
        putU32At(length, v);
        length += 4;
        return this;
    }

    BoxBuffer u64(long v) {
        return u32(v >>> 32).u32(v & 0xFFFFFFFFL);
    }

    BoxBuffer fourcc(String type) {
        byte[] b = type.getBytes(StandardCharsets.ISO_8859_1);
        if (b.length != 4) {
            throw new IllegalArgumentException("a box type has 4 characters: '" + type + "'");
        }
        return bytes(b);
    }

    BoxBuffer bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, length, b.length);
        length += b.length;
        return this;
    }

    BoxBuffer zeros(int n) {
        ensure(n);
        length += n; // the array is zero-filled beyond length
        return this;
    }

    int length() {
        return length;
    }

    void putU32At(int at, long v) {
        bytes[at] = (byte) (v >>> 24);
        bytes[at + 1] = (byte) (v >>> 16);
        bytes[at + 2] = (byte) (v >>> 8);
        bytes[at + 3] = (byte) v;
    }

    /** The bytes written, in an array of exactly {@code capacity} bytes (the rest zero), for a caller to fill. */
    byte[] toArray(int capacity) {
        if (capacity < length) {
            throw new IllegalArgumentException("capacity " + capacity + " < " + length + " bytes written");
        }
        return Arrays.copyOf(bytes, capacity);
    }

    byte[] toArray() {
        return toArray(length);
    }

    private void ensure(int n) {
        if (length + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
        }
    }
}
