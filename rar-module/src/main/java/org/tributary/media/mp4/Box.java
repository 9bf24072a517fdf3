package org.tributary.media.mp4;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.tributary.media.MediaFormatException;

/**
 * One box inside an in-memory parent (moov and below). {@code content} spans the payload after
 * the size/type header, big-endian, positioned at 0.
 */
record Box(String type, ByteBuffer content) {

    /** A fresh view of the payload, so callers can move its position freely. */
    ByteBuffer data() {
        return content.duplicate();
    }

    int size() {
        return content.remaining();
    }

    static String fourcc(int code) {
        byte[] b = {(byte) (code >>> 24), (byte) (code >>> 16), (byte) (code >>> 8), (byte) code};
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /**
     * Splits {@code parent} (from its position to its limit) into child boxes. A trailing run of
     * fewer than 8 bytes is ignored (QuickTime ends some lists with a 32-bit zero); size 0 means
     * "to the end of the parent"; size 1 means a 64-bit size follows the type.
     */
    static List<Box> children(ByteBuffer parent, String parentType, int depth, ParseContext ctx)
            throws MediaFormatException {
        if (depth > Limits.MAX_DEPTH) {
            throw ctx.error(parentType, "boxes nested deeper than " + Limits.MAX_DEPTH);
        }
        List<Box> out = new ArrayList<>();
        ByteBuffer buf = parent.duplicate();
        int pos = buf.position();
        int end = buf.limit();
        while (end - pos >= 8) {
            long size = Integer.toUnsignedLong(buf.getInt(pos));
            String type = fourcc(buf.getInt(pos + 4));
            int header = 8;
            if (size == 1) {
                if (end - pos < 16) {
                    throw ctx.error(type, "64-bit size header runs past the end of '" + parentType + "'");
                }
                size = buf.getLong(pos + 8);
                header = 16;
            } else if (size == 0) {
                size = end - pos;
            }
            if (size < header) {
                throw ctx.error(type, "size " + size + " is smaller than its header (inside '" + parentType + "')");
            }
            if (size > end - pos) {
                throw ctx.error(type, "size " + size + " is larger than the " + (end - pos)
                        + " bytes left in its parent '" + parentType + "'");
            }
            int boxEnd = pos + (int) size;
            out.add(new Box(type, buf.slice(pos + header, boxEnd - pos - header)));
            pos = boxEnd;
        }
        return out;
    }

    static Box find(List<Box> boxes, String type) {
        for (Box b : boxes) {
            if (b.type.equals(type)) {
                return b;
            }
        }
        return null;
    }
}
