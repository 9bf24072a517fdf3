package org.tributary.it.hardening;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** Hostile media made from the sample media by changing a few bytes. */
final class CraftedFiles {

    private CraftedFiles() {
    }

    /** The first 'stsz' box turned into a fixed-size table claiming {@code count} samples of {@code size} bytes. */
    static byte[] withFixedSizeStsz(byte[] mp4, int size, int count) {
        int at = find(mp4, "stsz", 0);
        ByteBuffer b = ByteBuffer.wrap(mp4);
        b.putInt(at + 8, size);  // after the type: version and flags (4), sample_size, sample_count
        b.putInt(at + 12, count);
        return mp4;
    }

    /** Every 'rtp ' hint sample entry (6 reserved zero bytes after the type) given this maxPacketSize. */
    static byte[] withMaxPacketSize(byte[] mp4, long value) {
        ByteBuffer b = ByteBuffer.wrap(mp4);
        int patched = 0;
        for (int at = find(mp4, "rtp ", 0); at >= 0; at = find(mp4, "rtp ", at + 1)) {
            if (at + 20 <= mp4.length && b.getInt(at + 4) == 0 && b.getShort(at + 8) == 0) {
                b.putInt(at + 16, (int) value); // data reference index, two versions, then maxPacketSize
                patched++;
            }
        }
        if (patched == 0) {
            throw new IllegalArgumentException("no 'rtp ' sample entry");
        }
        return mp4;
    }

    /** An ID3v2.3 tag whose extended header claims a negative size, in front of {@code mp3}. */
    static byte[] withNegativeId3ExtendedHeader(byte[] mp3) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xF0}); // -16
        body.writeBytes(new byte[6]);
        body.writeBytes(new byte[] {'T', 'I', 'T', '2', 0, 0, 0, 4, 0, 0, 0, 'a', 'b', 'c'});
        body.writeBytes(new byte[16]);
        int n = body.size();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(new byte[] {'I', 'D', '3', 3, 0, 0x40, 0, 0, (byte) (n >> 7 & 0x7F), (byte) (n & 0x7F)});
        file.writeBytes(body.toByteArray());
        file.writeBytes(mp3);
        return file.toByteArray();
    }

    private static int find(byte[] data, String fourcc, int from) {
        byte[] f = fourcc.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        outer:
        for (int i = Math.max(from, 4); i + 4 <= data.length; i++) {
            for (int k = 0; k < 4; k++) {
                if (data[i + k] != f[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
