package org.tributary.media.fmp4;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A box read back from written bytes, for tests: type, where it starts, its size, its content, and for the
 * container types its children. Fails on a size that runs past its parent.
 */
public record ParsedBox(String type, int start, int size, ByteBuffer content, List<ParsedBox> children) {

    private static final List<String> CONTAINERS = List.of("moov", "trak", "mdia", "minf", "stbl", "dinf", "mvex",
            "moof", "traf");

    /** The top-level boxes of {@code bytes}; they must cover it exactly. */
    public static List<ParsedBox> parse(byte[] bytes) {
        return parse(ByteBuffer.wrap(bytes), 0, bytes.length);
    }

    private static List<ParsedBox> parse(ByteBuffer all, int from, int to) {
        List<ParsedBox> out = new ArrayList<>();
        int pos = from;
        while (pos < to) {
            if (to - pos < 8) {
                throw new AssertionError((to - pos) + " stray bytes at " + pos);
            }
            int size = all.getInt(pos);
            byte[] t = new byte[4];
            all.get(pos + 4, t);
            String type = new String(t, StandardCharsets.ISO_8859_1);
            if (size < 8 || pos + size > to) {
                throw new AssertionError("box " + type + " at " + pos + " has size " + size + ", parent ends at " + to);
            }
            ByteBuffer content = all.slice(pos + 8, size - 8);
            List<ParsedBox> children = CONTAINERS.contains(type) ? parse(all, pos + 8, pos + size) : List.of();
            out.add(new ParsedBox(type, pos, size, content, children));
            pos += size;
        }
        return out;
    }

    /** The first child of this type; fails without one. */
    public ParsedBox child(String childType) {
        return children.stream().filter(c -> c.type.equals(childType)).findFirst()
                .orElseThrow(() -> new AssertionError(type + " has no " + childType));
    }

    public List<ParsedBox> all(String childType) {
        return children.stream().filter(c -> c.type.equals(childType)).toList();
    }

    /** The one box of this type in a list; fails otherwise. */
    public static ParsedBox find(List<ParsedBox> boxes, String type) {
        List<ParsedBox> found = boxes.stream().filter(b -> b.type.equals(type)).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " boxes " + type + " in " + boxes.stream().map(ParsedBox::type).toList());
        }
        return found.get(0);
    }

    /** A trun read back (version 1, all four per-sample fields present, as {@link MediaSegment} writes it). */
    public record Trun(int flags, int dataOffset, int[] durations, int[] sizes, int[] sampleFlags, int[] offsets) {
        public int count() {
            return sizes.length;
        }
    }

    public Trun trun() {
        ByteBuffer b = content.duplicate();
        int versionFlags = b.getInt();
        int n = b.getInt();
        int dataOffset = b.getInt();
        int[] d = new int[n];
        int[] s = new int[n];
        int[] f = new int[n];
        int[] o = new int[n];
        for (int i = 0; i < n; i++) {
            d[i] = b.getInt();
            s[i] = b.getInt();
            f[i] = b.getInt();
            o[i] = b.getInt();
        }
        if (b.hasRemaining()) {
            throw new AssertionError(b.remaining() + " bytes after the trun's samples");
        }
        return new Trun(versionFlags & 0xFFFFFF, dataOffset, d, s, f, o);
    }

    /** tfdt's baseMediaDecodeTime (version 1). */
    public long tfdt() {
        ByteBuffer b = content.duplicate();
        if ((b.getInt() >>> 24) != 1) {
            throw new AssertionError("tfdt is not version 1");
        }
        return b.getLong();
    }

    /** tfhd's track_ID. */
    public int tfhdTrackId() {
        return content.getInt(4);
    }
}
