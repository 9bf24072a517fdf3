package org.tributary.media.mp4;

import static org.tributary.media.mp4.BoxWriter.*;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds small but structurally complete movies for tests. Samples of all tracks are laid out
 * chunk by chunk in one mdat, with 5 junk bytes before every chunk so wrong offsets show up.
 */
final class CraftedMovie {
    /** One track: its samples, how they are grouped in chunks, and optional extra boxes. */
    static final class Track {
        int id = 1;
        String handler = "vide";
        long timescale = 12800;
        int sampleDelta = 512;
        byte[] stsdEntry = avc1Entry(320, 240);
        List<byte[]> samples = new ArrayList<>();
        int[] chunkSamples;        // samples per chunk; default one chunk
        byte[] ctts;               // full box or null
        byte[] stss;               // full box or null (absent => all sync)
        byte[] edts;
        byte[] tref;
        byte[] udta;
        boolean fixedSize;         // write stsz with a single sample_size

        Track sampleSizes(int... sizes) {
            samples.clear();
            for (int i = 0; i < sizes.length; i++) {
                samples.add(filled(sizes[i], i + 1));
            }
            return this;
        }
    }

    String brand = "isom";
    boolean moovFirst;
    boolean co64;
    boolean largeMdat;
    byte[] movieUdta;
    final List<Track> tracks = new ArrayList<>();

    CraftedMovie track(Track t) {
        tracks.add(t);
        return this;
    }

    byte[] build() {
        byte[] ftyp = box("ftyp", ascii(brand), u32(0), ascii(brand), ascii("mp41"));
        ByteArrayOutputStream mdatBody = new ByteArrayOutputStream();
        List<long[]> relOffsets = new ArrayList<>();
        for (Track t : tracks) {
            int[] chunks = t.chunkSamples != null ? t.chunkSamples : new int[] {t.samples.size()};
            long[] rel = new long[chunks.length];
            int s = 0;
            for (int c = 0; c < chunks.length; c++) {
                mdatBody.writeBytes(filled(5, 0xEE));
                rel[c] = mdatBody.size();
                for (int k = 0; k < chunks[c]; k++) {
                    mdatBody.writeBytes(t.samples.get(s++));
                }
            }
            relOffsets.add(rel);
        }
        byte[] body = mdatBody.toByteArray();
        int mdatHeader = largeMdat ? 16 : 8;
        byte[] mdat = largeMdat ? largeBox("mdat", body) : box("mdat", body);
        if (moovFirst) {
            int moovSize = moov(relOffsets, 0).length; // offsets do not change the moov size
            long base = ftyp.length + moovSize + mdatHeader;
            return cat(ftyp, moov(relOffsets, base), mdat);
        }
        long base = ftyp.length + mdatHeader;
        return cat(ftyp, mdat, moov(relOffsets, base));
    }

    private byte[] moov(List<long[]> relOffsets, long base) {
        long duration = 0;
        List<byte[]> traks = new ArrayList<>();
        for (int i = 0; i < tracks.size(); i++) {
            Track t = tracks.get(i);
            duration = Math.max(duration, 1000L * t.samples.size() * t.sampleDelta / t.timescale);
            traks.add(trak(t, relOffsets.get(i), base));
        }
        byte[] mvhd = full("mvhd", 0, 0, u32(0, 0, 1000, duration), zeros(80));
        return box("moov", mvhd, cat(traks.toArray(new byte[0][])), movieUdta == null ? new byte[0] : movieUdta);
    }

    private byte[] trak(Track t, long[] rel, long base) {
        int n = t.samples.size();
        byte[] tkhd = full("tkhd", 0, 7, u32(0, 0, t.id, 0, 0), zeros(60));
        byte[] mdhd = full("mdhd", 0, 0, u32(0, 0, t.timescale, (long) n * t.sampleDelta), u16(0x55C4, 0));
        byte[] hdlr = full("hdlr", 0, 0, u32(0), ascii(t.handler), zeros(12), u8(0));
        byte[] stsd = full("stsd", 0, 0, u32(1), t.stsdEntry);
        byte[] stts = full("stts", 0, 0, u32(1, n, t.sampleDelta));
        byte[] stsz;
        if (t.fixedSize) {
            stsz = full("stsz", 0, 0, u32(n == 0 ? 0 : t.samples.get(0).length, n));
        } else {
            long[] sizes = new long[n];
            for (int i = 0; i < n; i++) {
                sizes[i] = t.samples.get(i).length;
            }
            stsz = full("stsz", 0, 0, u32(0, n), u32(sizes));
        }
        int[] chunks = t.chunkSamples != null ? t.chunkSamples : new int[] {n};
        List<long[]> runs = new ArrayList<>();
        for (int c = 0; c < chunks.length; c++) {
            if (runs.isEmpty() || runs.get(runs.size() - 1)[1] != chunks[c]) {
                runs.add(new long[] {c + 1, chunks[c], 1});
            }
        }
        byte[] stscBody = u32(runs.size());
        for (long[] r : runs) {
            stscBody = cat(stscBody, u32(r));
        }
        byte[] stsc = full("stsc", 0, 0, stscBody);
        long[] abs = new long[rel.length];
        for (int i = 0; i < rel.length; i++) {
            abs[i] = base + rel[i];
        }
        byte[] chunkBox = co64 ? full("co64", 0, 0, u32(abs.length), u64(abs))
                : full("stco", 0, 0, u32(abs.length), u32(abs));
        byte[] stbl = box("stbl", stsd, stts, opt(t.ctts), opt(t.stss), stsz, stsc, chunkBox);
        byte[] minf = box("minf", full("vmhd", 0, 1, zeros(8)), stbl);
        byte[] mdia = box("mdia", mdhd, hdlr, minf);
        return box("trak", tkhd, opt(t.tref), opt(t.edts), mdia, opt(t.udta));
    }

    private static byte[] opt(byte[] b) {
        return b == null ? new byte[0] : b;
    }

    static byte[] avcC() {
        return box("avcC", u8(1, 0x64, 0, 0x1F, 0xFF, 0xE1), u16(4), u8(0x67, 0x64, 0, 0x1F),
                u8(1), u16(3), u8(0x68, 0xEE, 0x3C));
    }

    static byte[] avc1Entry(int width, int height) {
        return box("avc1", zeros(6), u16(1), zeros(16), u16(width, height), u32(0x00480000, 0x00480000, 0),
                u16(1), zeros(32), u16(0x18, 0xFFFF), avcC());
    }

    /** ISO mp4a entry (48 kHz stereo, AAC-LC config) with an esds. */
    static byte[] mp4aEntry() {
        return box("mp4a", zeros(6), u16(1), zeros(8), u16(2, 16, 0, 0), u32(48000L << 16), esds());
    }

    static byte[] esds() {
        byte[] dsi = cat(u8(0x05, 2), u8(0x11, 0x90)); // AAC LC, 48 kHz, stereo
        byte[] dcd = cat(u8(0x04, 13 + dsi.length), u8(0x40, 0x15), u24(0), u32(128000, 96000), dsi);
        byte[] es = cat(u8(0x03, 3 + dcd.length + 3), u16(1), u8(0), dcd, u8(0x06, 1, 2));
        return full("esds", 0, 0, es);
    }
}
