package org.tributary.media.mp3;

/** Locates ID3 tags so the frame scan can skip them. */
final class Id3Tags {
    static final int V1_LENGTH = 128;

    private Id3Tags() {
    }

    /**
     * Length of an ID3v2 tag starting at {@code b[0]} (10-byte header, syncsafe size, plus a
     * 10-byte footer when flag 0x10 is set), or 0 if {@code b} does not start with one.
     */
    static long v2Length(byte[] b) {
        if (b.length < 10 || b[0] != 'I' || b[1] != 'D' || b[2] != '3' || (b[3] & 0xFF) == 0xFF
                || (b[4] & 0xFF) == 0xFF) {
            return 0;
        }
        int size = 0;
        for (int i = 6; i < 10; i++) {
            if ((b[i] & 0x80) != 0) {
                return 0; // not syncsafe: not a tag
            }
            size = (size << 7) | b[i];
        }
        boolean footer = (b[5] & 0x10) != 0;
        return 10L + size + (footer ? 10 : 0);
    }

    /** Whether {@code b} (the last 128 bytes of the file) is an ID3v1 tag. */
    static boolean isV1(byte[] b) {
        return b.length == V1_LENGTH && b[0] == 'T' && b[1] == 'A' && b[2] == 'G';
    }
}
