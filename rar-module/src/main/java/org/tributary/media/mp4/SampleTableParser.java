package org.tributary.media.mp4;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import org.tributary.media.MediaFormatException;

/** Resolves the boxes of one 'stbl' into a {@link SampleTable}. */
final class SampleTableParser {
    private final ParseContext ctx;
    private final long fileSize;

    SampleTableParser(ParseContext ctx, long fileSize) {
        this.ctx = ctx;
        this.fileSize = fileSize;
    }

    SampleTable parse(List<Box> stbl) throws MediaFormatException {
        Box stsz = Box.find(stbl, "stsz");
        Box stz2 = Box.find(stbl, "stz2");
        if (stsz == null && stz2 == null) {
            return SampleTable.empty();
        }
        SizeTable sizes = stsz != null ? ctx.guard("stsz", () -> readStsz(stsz)) : ctx.guard("stz2", () -> readStz2(stz2));
        int n = sizes.count;
        checkTotalSize(stsz != null ? "stsz" : "stz2", sizes);
        long[] times = ctx.guard("stts", () -> readStts(Box.find(stbl, "stts"), n));
        Box ctts = Box.find(stbl, "ctts");
        int[] comp = ctts == null ? null : ctx.guard("ctts", () -> readCtts(ctts, n));
        Box stss = Box.find(stbl, "stss");
        int[] sync = stss == null ? null : ctx.guard("stss", () -> readStss(stss, n));
        Box stco = Box.find(stbl, "stco");
        Box co64 = Box.find(stbl, "co64");
        if (stco == null && co64 == null) {
            if (n == 0) {
                return SampleTable.empty();
            }
            throw ctx.error("stbl", "has " + n + " samples but neither stco nor co64");
        }
        long[] chunks = co64 != null ? ctx.guard("co64", () -> readChunkOffsets(co64, true))
                : ctx.guard("stco", () -> readChunkOffsets(stco, false));
        Box stsc = Box.find(stbl, "stsc");
        if (stsc == null && n > 0) {
            throw ctx.error("stbl", "has " + n + " samples but no stsc");
        }
        int[] chunkFirst = new int[chunks.length];
        long[] offsets = n == 0 ? new long[0]
                : ctx.guard("stsc", () -> resolveOffsets(stsc, chunks, sizes, chunkFirst));
        for (int i = 0; i < n; i++) {
            int s = sizes.size(i);
            if (offsets[i] < 0 || offsets[i] + s > fileSize) {
                throw ctx.error("stbl", "sample " + i + " (" + s + " bytes at offset " + offsets[i]
                        + ") lies beyond the end of the file (" + fileSize + " bytes); file truncated?");
            }
        }
        return new SampleTable(offsets, sizes.sizes, sizes.fixed, times, comp, sync, chunks, chunkFirst);
    }

    /** Sample sizes: either one fixed size or one entry per sample. */
    private record SizeTable(int count, int fixed, int[] sizes) {
        int size(int i) {
            return sizes == null ? fixed : sizes[i];
        }
    }

    private SizeTable readStsz(Box box) throws MediaFormatException {
        ByteBuffer b = box.data();
        b.getInt(); // version + flags
        long fixed = Integer.toUnsignedLong(b.getInt());
        long count = Integer.toUnsignedLong(b.getInt());
        if (count > Limits.MAX_SAMPLES) {
            throw ctx.error("stsz", "sample count " + count + " exceeds limit " + Limits.MAX_SAMPLES);
        }
        if (fixed != 0) {
            checkSampleSize("stsz", fixed);
            return new SizeTable((int) count, (int) fixed, null);
        }
        ctx.checkEntries("stsz", count, 4, b.remaining(), Limits.MAX_SAMPLES);
        int[] sizes = new int[(int) count];
        for (int i = 0; i < sizes.length; i++) {
            long s = Integer.toUnsignedLong(b.getInt());
            checkSampleSize("stsz", s);
            sizes[i] = (int) s;
        }
        return new SizeTable(sizes.length, 0, sizes);
    }

    private SizeTable readStz2(Box box) throws MediaFormatException {
        ByteBuffer b = box.data();
        b.getInt(); // version + flags
        int fieldSize = b.getInt() & 0xFF; // 24 reserved bits, then field_size
        long count = Integer.toUnsignedLong(b.getInt());
        if (fieldSize != 4 && fieldSize != 8 && fieldSize != 16) {
            throw ctx.error("stz2", "unsupported field size " + fieldSize);
        }
        if (count > Limits.MAX_SAMPLES || (count * fieldSize + 7) / 8 > b.remaining()) {
            throw ctx.error("stz2", "sample count " + count + " does not fit the box");
        }
        int[] sizes = new int[(int) count];
        for (int i = 0; i < sizes.length; i++) {
            if (fieldSize == 16) {
                sizes[i] = b.getShort() & 0xFFFF;
            } else if (fieldSize == 8) {
                sizes[i] = b.get() & 0xFF;
            } else {
                int v = b.get(b.position() + i / 2) & 0xFF;
                sizes[i] = (i & 1) == 0 ? v >>> 4 : v & 0x0F;
            }
        }
        return new SizeTable(sizes.length, 0, sizes);
    }

    /**
     * The samples must fit in the file: otherwise a tiny fixed-size 'stsz' could claim millions of samples and
     * make every per-sample table (times, offsets) that size.
     */
    private void checkTotalSize(String box, SizeTable sizes) throws MediaFormatException {
        long total = 0;
        if (sizes.sizes == null) {
            total = (long) sizes.count * sizes.fixed;
        } else {
            for (int s : sizes.sizes) {
                total += s;
            }
        }
        if (total > fileSize) {
            throw ctx.error(box, sizes.count + " samples of " + total + " bytes in all do not fit in the file ("
                    + fileSize + " bytes)");
        }
    }

    private void checkSampleSize(String box, long size) throws MediaFormatException {
        if (size > Limits.MAX_SAMPLE_BYTES) {
            throw ctx.error(box, "sample size " + size + " exceeds limit " + Limits.MAX_SAMPLE_BYTES);
        }
    }

    /** Decode times; a short table repeats its last delta, a missing one gives all zeros. */
    private long[] readStts(Box box, int n) throws MediaFormatException {
        long[] times = new long[n];
        if (box == null) {
            return times;
        }
        ByteBuffer b = box.data();
        b.getInt();
        long entries = Integer.toUnsignedLong(b.getInt());
        ctx.checkEntries("stts", entries, 8, b.remaining(), Limits.MAX_SAMPLES);
        int i = 0;
        long t = 0;
        long delta = 0;
        for (long e = 0; e < entries && i < n; e++) {
            long count = Integer.toUnsignedLong(b.getInt());
            delta = Integer.toUnsignedLong(b.getInt());
            for (long k = 0; k < count && i < n; k++) {
                times[i++] = t;
                t += delta;
            }
        }
        while (i < n) {
            times[i++] = t;
            t += delta;
        }
        return times;
    }

    /** Composition offsets; read as signed in both versions, as real muxers do. */
    private int[] readCtts(Box box, int n) throws MediaFormatException {
        ByteBuffer b = box.data();
        b.getInt();
        long entries = Integer.toUnsignedLong(b.getInt());
        ctx.checkEntries("ctts", entries, 8, b.remaining(), Limits.MAX_SAMPLES);
        int[] comp = new int[n];
        int i = 0;
        for (long e = 0; e < entries && i < n; e++) {
            long count = Integer.toUnsignedLong(b.getInt());
            int offset = b.getInt();
            for (long k = 0; k < count && i < n; k++) {
                comp[i++] = offset;
            }
        }
        return comp;
    }

    private int[] readStss(Box box, int n) throws MediaFormatException {
        ByteBuffer b = box.data();
        b.getInt();
        long entries = Integer.toUnsignedLong(b.getInt());
        ctx.checkEntries("stss", entries, 4, b.remaining(), Limits.MAX_SAMPLES);
        int[] sync = new int[(int) entries];
        int kept = 0;
        for (int e = 0; e < sync.length; e++) {
            long number = Integer.toUnsignedLong(b.getInt());
            if (number >= 1 && number <= n) { // 1-based; out-of-range entries are dropped
                sync[kept++] = (int) (number - 1);
            }
        }
        sync = Arrays.copyOf(sync, kept);
        Arrays.sort(sync);
        return sync;
    }

    private long[] readChunkOffsets(Box box, boolean wide) throws MediaFormatException {
        String name = wide ? "co64" : "stco";
        ByteBuffer b = box.data();
        b.getInt();
        long entries = Integer.toUnsignedLong(b.getInt());
        ctx.checkEntries(name, entries, wide ? 8 : 4, b.remaining(), Limits.MAX_CHUNKS);
        long[] chunks = new long[(int) entries];
        for (int i = 0; i < chunks.length; i++) {
            chunks[i] = wide ? b.getLong() : Integer.toUnsignedLong(b.getInt());
            if (chunks[i] < 0 || chunks[i] > fileSize) {
                throw ctx.error(name, "chunk " + (i + 1) + " offset " + chunks[i] + " is outside the file ("
                        + fileSize + " bytes)");
            }
        }
        return chunks;
    }

    /** Walks stsc runs over the chunks, placing each sample after its predecessor in the chunk. */
    private long[] resolveOffsets(Box stsc, long[] chunks, SizeTable sizes, int[] chunkFirst)
            throws MediaFormatException {
        int n = sizes.count;
        ByteBuffer b = stsc.data();
        b.getInt();
        long entries = Integer.toUnsignedLong(b.getInt());
        ctx.checkEntries("stsc", entries, 12, b.remaining(), Limits.MAX_CHUNKS);
        long[] firstChunk = new long[(int) entries];
        long[] perChunk = new long[(int) entries];
        for (int e = 0; e < entries; e++) {
            firstChunk[e] = Integer.toUnsignedLong(b.getInt());
            perChunk[e] = Integer.toUnsignedLong(b.getInt());
            b.getInt(); // sample_description_index
            if (firstChunk[e] < 1 || (e > 0 && firstChunk[e] <= firstChunk[e - 1])) {
                throw ctx.error("stsc", "entry " + (e + 1) + " has first_chunk " + firstChunk[e]
                        + " out of order");
            }
        }
        long[] offsets = new long[n];
        int sample = 0;
        int run = 0;
        for (int c = 0; c < chunks.length; c++) {
            while (run + 1 < entries && firstChunk[run + 1] <= c + 1) {
                run++;
            }
            chunkFirst[c] = sample;
            if (entries == 0 || firstChunk[run] > c + 1) {
                continue; // chunk before the first run: holds nothing
            }
            long pos = chunks[c];
            for (long k = 0; k < perChunk[run] && sample < n; k++) {
                offsets[sample] = pos;
                pos += sizes.size(sample);
                sample++;
            }
        }
        if (sample < n) {
            throw ctx.error("stsc", "chunks hold only " + sample + " of " + n + " samples");
        }
        return offsets;
    }
}
