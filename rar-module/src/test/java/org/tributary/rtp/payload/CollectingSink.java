package org.tributary.rtp.payload;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Test sink that copies every payload (the packetizer reuses its buffer). */
public final class CollectingSink implements PayloadSink {
    public record Payload(byte[] bytes, boolean marker) {
        public int u8(int index) {
            return bytes[index] & 0xFF;
        }
    }

    public final List<Payload> payloads = new ArrayList<>();

    @Override
    public void payload(ByteBuffer payload, boolean marker) {
        byte[] copy = new byte[payload.remaining()];
        payload.get(payload.position(), copy);
        payloads.add(new Payload(copy, marker));
    }

    public Payload get(int i) {
        return payloads.get(i);
    }

    public int size() {
        return payloads.size();
    }

    public List<Boolean> markers() {
        return payloads.stream().map(Payload::marker).toList();
    }

    /** Concatenation of every payload with the first {@code skip} bytes of each removed. */
    public byte[] concatenated(int skip) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        payloads.forEach(p -> out.write(p.bytes(), skip, p.bytes().length - skip));
        return out.toByteArray();
    }

    public static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    /** A NAL-like unit: the given header bytes followed by a counting pattern up to {@code length}. */
    public static byte[] unit(int length, int... header) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = i < header.length ? (byte) header[i] : (byte) (i * 7);
        }
        return b;
    }

    /** Joins units, each prefixed by a big-endian length of {@code lengthSize} bytes. */
    public static ByteBuffer lengthPrefixed(int lengthSize, byte[]... units) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] u : units) {
            for (int i = lengthSize - 1; i >= 0; i--) {
                out.write(u.length >>> (8 * i));
            }
            out.write(u, 0, u.length);
        }
        return ByteBuffer.wrap(out.toByteArray());
    }
}
