package org.tributary.media.mp3;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads the title of an MP3 file from its tags: the ID3v2 title frame (TIT2, or TT2 in ID3v2.2) at the
 * start of the file, else the ID3v1 title in the last 128 bytes. Only the first 256 KB of an ID3v2 tag
 * are looked at (pictures come after the text frames in practice). Anything malformed gives null.
 */
public final class Id3Title {

    private static final int MAX_TAG_READ = 256 * 1024;

    private Id3Title() {
    }

    /** The title, trimmed, or null when the file has none. */
    public static String read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            byte[] head = read(channel, 0, (int) Math.min(size, 10));
            long tagLength = Id3Tags.v2Length(head);
            if (tagLength > 0) {
                String title = fromV2(read(channel, 0, (int) Math.min(Math.min(size, tagLength), MAX_TAG_READ)));
                if (title != null) {
                    return title;
                }
            }
            if (size >= Id3Tags.V1_LENGTH) {
                return fromV1(read(channel, size - Id3Tags.V1_LENGTH, Id3Tags.V1_LENGTH));
            }
            return null;
        }
    }

    /** The title frame of an ID3v2.2/2.3/2.4 tag ({@code tag} starts with the 10-byte tag header). */
    static String fromV2(byte[] tag) {
        if (tag.length < 10 || Id3Tags.v2Length(tag) == 0) {
            return null;
        }
        int version = tag[3];
        int flags = tag[5] & 0xFF;
        if (version < 2 || version > 4 || (flags & 0x80) != 0 && version < 4) {
            return null; // whole-tag unsynchronisation (v2.2/2.3) is too rare to be worth decoding
        }
        int pos = 10;
        if ((flags & 0x40) != 0 && version >= 3) {
            // v2.4 counts the size field in the extended header's size, v2.3 does not; a crafted size may be
            // negative (v2.3 reads 32 plain bits) or run past the tag: then there is no title to find
            long extended = version == 4 ? syncsafe(tag, pos) : plain(tag, pos) + 4L;
            if (extended < 4 || extended > tag.length - pos) {
                return null;
            }
            pos += (int) extended;
        }
        boolean v22 = version == 2;
        int headerLength = v22 ? 6 : 10;
        String titleId = v22 ? "TT2" : "TIT2";
        while (pos + headerLength <= tag.length) {
            if (tag[pos] == 0) {
                return null; // padding: no more frames
            }
            String id = new String(tag, pos, v22 ? 3 : 4, StandardCharsets.ISO_8859_1);
            int length = v22 ? ((tag[pos + 3] & 0xFF) << 16 | (tag[pos + 4] & 0xFF) << 8 | tag[pos + 5] & 0xFF)
                    : version == 4 ? syncsafe(tag, pos + 4) : plain(tag, pos + 4);
            int body = pos + headerLength;
            if (length < 0 || length > tag.length - body) {
                return null;
            }
            if (id.equals(titleId)) {
                return text(tag, body, length);
            }
            pos = body + length;
        }
        return null;
    }

    /** The 30-byte title field of an ID3v1 tag (ISO-8859-1, padded with NULs or spaces). */
    static String fromV1(byte[] tag) {
        if (!Id3Tags.isV1(tag)) {
            return null;
        }
        return clean(new String(tag, 3, 30, StandardCharsets.ISO_8859_1));
    }

    /** A text frame body: one encoding byte, then the text (possibly NUL-terminated). */
    private static String text(byte[] b, int from, int length) {
        if (length < 2) {
            return null;
        }
        Charset charset = switch (b[from]) {
            case 0 -> StandardCharsets.ISO_8859_1;
            case 1 -> StandardCharsets.UTF_16; // with a byte-order mark
            case 2 -> StandardCharsets.UTF_16BE;
            case 3 -> StandardCharsets.UTF_8;
            default -> null;
        };
        if (charset == null) {
            return null;
        }
        return clean(new String(b, from + 1, length - 1, charset));
    }

    private static String clean(String s) {
        int nul = s.indexOf('\0');
        String t = (nul >= 0 ? s.substring(0, nul) : s).strip();
        return t.isEmpty() ? null : t;
    }

    private static int syncsafe(byte[] b, int at) {
        if (at + 4 > b.length) {
            return -1;
        }
        return (b[at] & 0x7F) << 21 | (b[at + 1] & 0x7F) << 14 | (b[at + 2] & 0x7F) << 7 | b[at + 3] & 0x7F;
    }

    private static int plain(byte[] b, int at) {
        if (at + 4 > b.length) {
            return -1;
        }
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | b[at + 3] & 0xFF;
    }

    private static byte[] read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        byte[] out = new byte[buffer.position()];
        buffer.flip().get(out);
        return out;
    }
}
