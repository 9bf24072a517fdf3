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
}
