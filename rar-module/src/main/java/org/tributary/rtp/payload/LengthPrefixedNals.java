package org.tributary.rtp.payload;

import java.nio.ByteBuffer;

/** Reads the length prefixes of a sample stored as length-prefixed NAL units (AVC and HEVC in MP4). */
public final class LengthPrefixedNals {

    private LengthPrefixedNals() {
    }

    /**
     * The length of the NAL unit whose prefix starts at {@code pos}, checked against the sample's end.
     *
     * @throws IllegalArgumentException when the prefix or the unit runs past {@code end}
     */
    public static int length(ByteBuffer sample, int pos, int end, int prefixSize) {
        if (end - pos < prefixSize) {
            throw new IllegalArgumentException("truncated NAL length prefix at offset " + pos);
        }
        long len = 0;
        for (int i = 0; i < prefixSize; i++) {
            len = (len << 8) | (sample.get(pos + i) & 0xFF);
        }
        if (len > end - pos - prefixSize) {
            throw new IllegalArgumentException("NAL length " + len + " at offset " + pos
                    + " runs past the end of the sample");
        }
        return (int) len;
    }
}
