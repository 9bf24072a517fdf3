package org.tributary.rtp.payload;

/** MSB-first bit reader over a byte array, for parsing decoder configuration records. */
public final class BitReader {
    private final byte[] data;
    private int bitPos;

    public BitReader(byte[] data) {
        this.data = data;
    }

    /** Reads {@code n} (0..32) bits as an unsigned value. */
    public long readBits(int n) {
        if (n < 0 || n > 32) {
            throw new IllegalArgumentException("can read 0..32 bits at once, not " + n);
        }
        if (bitPos + n > data.length * 8L) {
            throw new IllegalArgumentException("truncated: need " + n + " bits at bit " + bitPos
                    + " of " + data.length * 8);
        }
        long v = 0;
        for (int i = 0; i < n; i++, bitPos++) {
            int bit = (data[bitPos >>> 3] >>> (7 - (bitPos & 7))) & 1;
            v = (v << 1) | bit;
        }
        return v;
    }

    public int readInt(int n) {
        return (int) readBits(n);
    }

    public int bitPosition() {
        return bitPos;
    }

    public int bitsLeft() {
        return data.length * 8 - bitPos;
    }

    /** An unsigned Exp-Golomb code, ue(v) of H.264 9.1 and H.265 9.2. */
    public int readUe() {
        int zeros = 0;
        while (readBits(1) == 0) {
            if (++zeros > 31) {
                throw new IllegalArgumentException("Exp-Golomb code longer than 32 bits");
            }
        }
        long value = (1L << zeros) - 1 + readBits(zeros);
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Exp-Golomb value out of range");
        }
        return (int) value;
    }

    /** A signed Exp-Golomb code, se(v). */
    public int readSe() {
        int k = readUe();
        return (k & 1) == 1 ? (k + 1) / 2 : -(k / 2);
    }

    /** The RBSP of an H.264 or H.265 NAL unit: without its emulation prevention bytes (0x000003 -> 0x0000). */
    public static byte[] rbsp(byte[] nal) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(nal.length);
        int zeros = 0;
        for (byte b : nal) {
            if (zeros >= 2 && b == 3) {
                zeros = 0;
                continue;
            }
            zeros = b == 0 ? zeros + 1 : 0;
            out.write(b);
        }
        return out.toByteArray();
    }
}
