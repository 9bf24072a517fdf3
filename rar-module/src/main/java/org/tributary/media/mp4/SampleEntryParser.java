package org.tributary.media.mp4;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.tributary.media.MediaFormatException;

/** Parses the entries of an 'stsd' box into {@link SampleEntry} objects. */
final class SampleEntryParser {
    private static final Set<String> VIDEO = Set.of("avc1", "avc3", "hvc1", "hev1", "mp4v", "s263", "h263",
            "vp08", "vp09", "av01", "jpeg", "encv");
    private static final Set<String> AUDIO = Set.of("mp4a", ".mp3", "samr", "sawb", "ac-3", "ec-3", "alac",
            "Opus", "fLaC", "ulaw", "alaw", "twos", "sowt", "lpcm", "ima4", "enca");
    // offsets below are relative to the entry payload (after its 8-byte size/type header)
    private static final int VISUAL_CHILDREN = 78;
    private static final int AUDIO_CHILDREN = 28;

    private final ParseContext ctx;

    SampleEntryParser(ParseContext ctx) {
        this.ctx = ctx;
    }

    List<SampleEntry> parse(Box stsd, String handler, int depth) throws MediaFormatException {
        ByteBuffer b = stsd.data();
        long count = ctx.guard("stsd", () -> {
            b.getInt(); // version + flags
            return Integer.toUnsignedLong(b.getInt());
        });
        if (count > Limits.MAX_SAMPLE_ENTRIES) {
            throw ctx.error("stsd", "entry count " + count + " exceeds limit " + Limits.MAX_SAMPLE_ENTRIES);
        }
        List<Box> boxes = Box.children(b, "stsd", depth, ctx);
        if (boxes.size() < count) {
            throw ctx.error("stsd", "declares " + count + " entries but holds " + boxes.size());
        }
        List<SampleEntry> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Box entry = boxes.get(i);
            out.add(ctx.guard(entry.type(), () -> parseEntry(entry, handler, depth + 1)));
        }
        return List.copyOf(out);
    }

    private SampleEntry parseEntry(Box entry, String handler, int depth) throws MediaFormatException {
        SampleEntry.Builder e = new SampleEntry.Builder();
        e.fourcc = entry.type();
        ByteBuffer c = entry.data();
        e.raw = new byte[8 + c.remaining()];
        ByteBuffer raw = ByteBuffer.wrap(e.raw);
        raw.putInt(e.raw.length).put(e.fourcc.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        raw.put(c.duplicate());
        if (e.fourcc.equals("rtp ")) {
            parseRtpHint(entry, e, depth);
        } else if ("vide".equals(handler) || (!"soun".equals(handler) && VIDEO.contains(e.fourcc))) {
            parseVisual(entry, e, depth);
        } else if ("soun".equals(handler) || AUDIO.contains(e.fourcc)) {
            parseAudio(entry, e, depth);
        }
        return new SampleEntry(e);
    }

    private void parseVisual(Box entry, SampleEntry.Builder e, int depth) throws MediaFormatException {
        ByteBuffer c = entry.data();
        if (c.remaining() < VISUAL_CHILDREN) {
            return; // not a real visual entry (e.g. a tiny private format): keep raw bytes only
        }
        e.width = c.getShort(24) & 0xFFFF;
        e.height = c.getShort(26) & 0xFFFF;
        List<Box> children = Box.children(c.position(VISUAL_CHILDREN), entry.type(), depth, ctx);
        Box avcC = Box.find(children, "avcC");
        if (avcC != null) {
            e.avcC = bytes(avcC);
        }
        Box hvcC = Box.find(children, "hvcC");
        if (hvcC != null) {
            e.hvcC = bytes(hvcC);
        }
        applyEsds(findEsds(children, depth + 1), e);
    }

    private void parseAudio(Box entry, SampleEntry.Builder e, int depth) throws MediaFormatException {
        ByteBuffer c = entry.data();
        if (c.remaining() < AUDIO_CHILDREN) {
            return;
        }
        int version = c.getShort(8) & 0xFFFF; // QuickTime sound description version (0 in ISO files)
        e.channelCount = c.getShort(16) & 0xFFFF;
        e.sampleRate = c.getInt(24) >>> 16; // 16.16 fixed point
        int children = AUDIO_CHILDREN;
        if (version == 1) {
            children += 16;
        } else if (version == 2) {
            children += 36;
            e.sampleRate = (int) Math.round(c.getDouble(AUDIO_CHILDREN + 4));
            e.channelCount = c.getInt(AUDIO_CHILDREN + 12);
        }
        if (children > c.limit()) {
            throw ctx.error(entry.type(), "sound description version " + version + " is truncated");
        }
        List<Box> boxes = Box.children(c.position(children), entry.type(), depth, ctx);
        EsDescriptor esds = findEsds(boxes, depth + 1);
        applyEsds(esds, e);
    }

    private void parseRtpHint(Box entry, SampleEntry.Builder e, int depth) throws MediaFormatException {
        ByteBuffer c = entry.data();
        c.position(8); // reserved + data_reference_index
        c.getShort(); // hint track version
        c.getShort(); // last compatible version
        e.maxPacketSize = Integer.toUnsignedLong(c.getInt());
        for (Box b : Box.children(c, entry.type(), depth, ctx)) {
            ByteBuffer d = b.data();
            switch (b.type()) {
                case "tims" -> e.rtpTimescale = ctx.guard("tims", d::getInt);
                case "tsro" -> e.rtpTimestampOffset = ctx.guard("tsro", d::getInt);
                case "snro" -> e.rtpSequenceOffset = ctx.guard("snro", d::getInt);
                default -> { }
            }
        }
    }

    /** esds sits directly in the entry (ISO) or inside a QuickTime 'wave' atom, possibly nested. */
    private EsDescriptor findEsds(List<Box> children, int depth) throws MediaFormatException {
        for (Box b : children) {
            if (b.type().equals("esds")) {
                return EsDescriptor.parse(b.data(), ctx);
            }
        }
        for (Box b : children) {
            if (b.type().equals("wave")) {
                EsDescriptor found = findEsds(Box.children(b.data(), "wave", depth, ctx), depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void applyEsds(EsDescriptor esds, SampleEntry.Builder e) {
        if (esds != null) {
            e.objectTypeIndication = esds.objectTypeIndication();
            e.decoderSpecificInfo = esds.decoderSpecificInfo();
            e.maxBitrate = esds.maxBitrate();
            e.avgBitrate = esds.avgBitrate();
        }
    }

    private static byte[] bytes(Box b) {
        byte[] out = new byte[b.size()];
        b.data().get(out);
        return out;
    }
}
