package org.tributary.media.mp4;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Tiny helpers that write big-endian fields and ISO boxes for crafted test files. */
final class BoxWriter {
    private BoxWriter() {
    }

    static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] box(String type, byte[]... parts) {
        byte[] body = cat(parts);
        return cat(u32(8L + body.length), ascii(type), body);
    }

    /** Box written with size field 1 and a 64-bit largesize. */
    static byte[] largeBox(String type, byte[]... parts) {
        byte[] body = cat(parts);
        return cat(u32(1), ascii(type), u64(16L + body.length), body);
    }

    static byte[] full(String type, int version, int flags, byte[]... parts) {
        return box(type, u8(version), u24(flags), cat(parts));
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] u8(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    static byte[] u16(int... v) {
        ByteBuffer b = ByteBuffer.allocate(2 * v.length);
        for (int x : v) {
            b.putShort((short) x);
        }
        return b.array();
    }

    static byte[] u24(int v) {
        return u8(v >>> 16, v >>> 8, v);
    }

    static byte[] u32(long... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length);
        for (long x : v) {
            b.putInt((int) x);
        }
        return b.array();
    }

    static byte[] u64(long... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length);
        for (long x : v) {
            b.putLong(x);
        }
        return b.array();
    }

    static byte[] zeros(int n) {
        return new byte[n];
    }

    static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }
}
