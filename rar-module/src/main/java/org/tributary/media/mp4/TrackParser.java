package org.tributary.media.mp4;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tributary.media.MediaFormatException;

/** Turns one 'trak' box into an {@link Mp4Track}. */
final class TrackParser {
    private final ParseContext ctx;
    private final long fileSize;

    TrackParser(ParseContext ctx, long fileSize) {
        this.ctx = ctx;
        this.fileSize = fileSize;
    }

    Mp4Track parse(Box trak, int depth) throws MediaFormatException {
        List<Box> children = Box.children(trak.data(), "trak", depth, ctx);
        Box tkhd = required(children, "tkhd", "trak");
        int trackId = ctx.guard("tkhd", () -> {
            ByteBuffer b = tkhd.data();
            int version = b.get() & 0xFF;
            b.position(version == 1 ? 20 : 12);
            return b.getInt();
        });
        Box mdia = required(children, "mdia", "trak");
        List<Box> mdiaChildren = Box.children(mdia.data(), "mdia", depth + 1, ctx);
        Box mdhd = required(mdiaChildren, "mdhd", "mdia");
        long[] timing = new long[3];
        ctx.guard("mdhd", () -> {
            ByteBuffer b = mdhd.data();
            int version = b.get() & 0xFF;
            b.position(version == 1 ? 20 : 12);
            timing[0] = Integer.toUnsignedLong(b.getInt());
            timing[1] = version == 1 ? b.getLong() : Integer.toUnsignedLong(b.getInt());
            timing[2] = b.getShort() & 0xFFFF;
            return null;
        });
        Box hdlr = required(mdiaChildren, "hdlr", "mdia");
        String handler = ctx.guard("hdlr", () -> Box.fourcc(hdlr.data().getInt(8)));

        List<SampleEntry> entries = List.of();
        SampleTable table = SampleTable.empty();
        Box minf = Box.find(mdiaChildren, "minf");
        if (minf != null) {
            Box stbl = Box.find(Box.children(minf.data(), "minf", depth + 2, ctx), "stbl");
            if (stbl != null) {
                List<Box> stblChildren = Box.children(stbl.data(), "stbl", depth + 3, ctx);
                Box stsd = Box.find(stblChildren, "stsd");
                if (stsd != null) {
                    entries = new SampleEntryParser(ctx).parse(stsd, handler, depth + 4);
                }
                table = new SampleTableParser(ctx, fileSize).parse(stblChildren);
            }
        }
        long[] edit = parseEdits(Box.find(children, "edts"), depth + 1);
        return new Mp4Track(trackId, handler, timing[0], timing[1], language((int) timing[2]), entries, table,
                edit[0], edit[1], parseReferences(Box.find(children, "tref"), depth + 1),
                parseSdp(Box.find(children, "udta"), depth + 1));
    }

    private Box required(List<Box> boxes, String type, String parent) throws MediaFormatException {
        Box b = Box.find(boxes, type);
        if (b == null) {
            throw ctx.error(parent, "has no '" + type + "' box");
        }
        return b;
    }

    /** Returns {mediaStartTime, leading empty-edit duration in movie units}. */
    private long[] parseEdits(Box edts, int depth) throws MediaFormatException {
        long[] result = {0, 0};
        if (edts == null) {
            return result;
        }
        Box elst = Box.find(Box.children(edts.data(), "edts", depth, ctx), "elst");
        if (elst == null) {
            return result;
        }
        return ctx.guard("elst", () -> {
            ByteBuffer b = elst.data();
            int version = b.get() & 0xFF;
            b.position(4);
            long count = Integer.toUnsignedLong(b.getInt());
            ctx.checkEntries("elst", count, version == 1 ? 20 : 12, b.remaining(), 1_000_000);
            for (long i = 0; i < count; i++) {
                long duration = version == 1 ? b.getLong() : Integer.toUnsignedLong(b.getInt());
                long mediaTime = version == 1 ? b.getLong() : b.getInt();
                b.getInt(); // media_rate
                if (mediaTime == -1) {
                    result[1] += duration;
                } else {
                    result[0] = mediaTime;
                    break;
                }
            }
            return result;
        });
    }

    private Map<String, int[]> parseReferences(Box tref, int depth) throws MediaFormatException {
        Map<String, int[]> refs = new HashMap<>();
        if (tref == null) {
            return refs;
        }
        for (Box r : Box.children(tref.data(), "tref", depth, ctx)) {
            ByteBuffer b = r.data();
            int[] ids = new int[b.remaining() / 4];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = b.getInt();
            }
            refs.putIfAbsent(r.type(), ids);
        }
        return refs;
    }

    /** udta/hnti/'sdp ' holds the track's SDP media-level lines as plain text. */
    private String parseSdp(Box udta, int depth) throws MediaFormatException {
        if (udta == null) {
            return null;
        }
        Box hnti = Box.find(Box.children(udta.data(), "udta", depth, ctx), "hnti");
        if (hnti == null) {
            return null;
        }
        Box sdp = Box.find(Box.children(hnti.data(), "hnti", depth + 1, ctx), "sdp ");
        return sdp == null ? null : text(sdp.data());
    }

    static String text(ByteBuffer b) {
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        int n = bytes.length;
        while (n > 0 && bytes[n - 1] == 0) {
            n--; // some writers NUL-terminate
        }
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
    }

    /** mdhd packs ISO 639-2/T as three 5-bit letters; values below 0x400 are QuickTime Macintosh codes. */
    static String language(int code) {
        if (code < 0x400) {
            return code == 0 ? "eng" : "und";
        }
        char[] c = {(char) (((code >> 10) & 0x1F) + 0x60), (char) (((code >> 5) & 0x1F) + 0x60),
            (char) ((code & 0x1F) + 0x60)};
        return new String(c);
    }
}
