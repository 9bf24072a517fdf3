package org.tributary.media.mp4;

import static org.junit.jupiter.api.Assertions.*;
import static org.tributary.media.mp4.BoxWriter.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tributary.media.MediaFormatException;

class Mp4FileCraftedTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] data) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, data);
        return p;
    }

    private static CraftedMovie.Track video(int... sizes) {
        return new CraftedMovie.Track().sampleSizes(sizes);
    }

    private static void assertSampleContent(Mp4File f, Mp4Track t) throws IOException {
        for (int i = 0; i < t.samples().count(); i++) {
            ByteBuffer dst = ByteBuffer.allocate(t.samples().size(i));
            assertEquals(t.samples().size(i), f.readSample(t, i, dst));
            byte[] expected = filled(t.samples().size(i), i + 1);
            assertArrayEquals(expected, dst.array(), "sample " + i);
        }
    }

    @Test
    void moovAfterMdatWithSeveralStscRuns() throws IOException {
        CraftedMovie.Track t = video(10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20);
        t.chunkSamples = new int[] {2, 2, 3, 3, 1};
        byte[] file = new CraftedMovie().track(t).build();
        try (Mp4File f = Mp4File.open(write("a.mp4", file))) {
            assertEquals("isom", f.majorBrand());
            assertEquals(1000, f.movieTimescale());
            assertEquals(1, f.tracks().size());
            Mp4Track v = f.tracks().get(0);
            assertEquals(1, v.trackId());
            assertEquals("vide", v.handlerType());
            assertEquals("und", v.language());
            assertEquals(12800, v.mediaTimescale());
            assertEquals(11 * 512, v.mediaDuration());
            SampleTable s = v.samples();
            assertEquals(11, s.count());
            assertEquals(20, s.maxSampleSize());
            assertEquals(165, s.totalBytes());
            assertEquals(5 * 512, s.decodeTime(5));
            assertEquals(s.offset(0) + 10, s.offset(1));
            assertEquals(s.offset(1) + 11 + 5, s.offset(2), "next chunk starts after 5 junk bytes");
            assertSampleContent(f, v);
            assertEquals(0, s.sampleAtOrBefore(-5));
            assertEquals(3, s.sampleAtOrBefore(3 * 512 + 511));
            assertEquals(10, s.sampleAtOrBefore(Long.MAX_VALUE));
            SampleEntry e = v.sampleEntry();
            assertEquals("avc1", e.fourcc());
            assertEquals(320, e.width());
            assertEquals(240, e.height());
            org.tributary.rtp.payload.h264.AvcDecoderConfig avc =
                    org.tributary.rtp.payload.h264.AvcDecoderConfig.parse(e.avcC());
            assertEquals(4, avc.nalLengthSize());
            assertArrayEquals(u8(0x67, 0x64, 0, 0x1F), avc.sps().get(0));
            assertArrayEquals(u8(0x68, 0xEE, 0x3C), avc.pps().get(0));
            assertNull(f.movieSdp());
        }
    }

    @Test
    void co64OffsetsWithLargesizeMdatBeforeMoov() throws IOException {
        CraftedMovie m = new CraftedMovie();
        m.co64 = true;
        m.largeMdat = true;
        m.moovFirst = true;
        CraftedMovie.Track t = video(7, 8, 9, 10);
        t.chunkSamples = new int[] {1, 3};
        try (Mp4File f = Mp4File.open(write("b.mp4", m.track(t).build()))) {
            assertSampleContent(f, f.tracks().get(0));
        }
    }

    @Test
    void largesizeMdatAfterMoovAndFixedSampleSize() throws IOException {
        CraftedMovie m = new CraftedMovie();
        m.largeMdat = true;
        CraftedMovie.Track t = video(6, 6, 6, 6, 6);
        t.fixedSize = true;
        t.chunkSamples = new int[] {2, 3};
        try (Mp4File f = Mp4File.open(write("c.mp4", m.track(t).build()))) {
            Mp4Track v = f.tracks().get(0);
            assertEquals(5, v.samples().count());
            assertEquals(30, v.samples().totalBytes());
            assertSampleContent(f, v);
        }
    }

    @Test
    void cttsVersion1NegativeOffsets() throws IOException {
        CraftedMovie.Track t = video(5, 5, 5, 5);
        t.ctts = full("ctts", 1, 0, u32(3, 2, 1024, 1, -512, 1, 0));
        try (Mp4File f = Mp4File.open(write("d.mp4", new CraftedMovie().track(t).build()))) {
            SampleTable s = f.tracks().get(0).samples();
            assertEquals(1024, s.compositionOffset(0));
            assertEquals(1024, s.compositionOffset(1));
            assertEquals(-512, s.compositionOffset(2));
            assertEquals(0, s.compositionOffset(3));
        }
    }

    @Test
    void missingStssMeansEverySampleIsSync() throws IOException {
        try (Mp4File f = Mp4File.open(write("e.mp4", new CraftedMovie().track(video(3, 3, 3)).build()))) {
            SampleTable s = f.tracks().get(0).samples();
            assertTrue(s.allSync());
            for (int i = 0; i < 3; i++) {
                assertTrue(s.isSync(i));
                assertEquals(i, s.syncSampleAtOrBefore(i));
            }
        }
    }

    @Test
    void stssListsSyncSamples() throws IOException {
        CraftedMovie.Track t = video(3, 3, 3, 3, 3, 3);
        t.stss = full("stss", 0, 0, u32(2, 2, 5));
        try (Mp4File f = Mp4File.open(write("f.mp4", new CraftedMovie().track(t).build()))) {
            SampleTable s = f.tracks().get(0).samples();
            assertFalse(s.isSync(0));
            assertTrue(s.isSync(1));
            assertTrue(s.isSync(4));
            assertEquals(-1, s.syncSampleAtOrBefore(0));
            assertEquals(1, s.syncSampleAtOrBefore(3));
            assertEquals(4, s.syncSampleAtOrBefore(5));
        }
    }

    @Test
    void editListWithLeadingEmptyEdit() throws IOException {
        CraftedMovie.Track t = video(3, 3);
        t.edts = box("edts", full("elst", 0, 0, u32(2), u32(250, 0xFFFFFFFFL, 0x10000), u32(80, 1024, 0x10000)));
        try (Mp4File f = Mp4File.open(write("g.mp4", new CraftedMovie().track(t).build()))) {
            Mp4Track v = f.tracks().get(0);
            assertEquals(250, v.emptyEditDurationMovieUnits());
            assertEquals(1024, v.mediaStartTime());
        }
    }

    @Test
    void editListVersion1() throws IOException {
        CraftedMovie.Track t = video(3, 3);
        t.edts = box("edts", full("elst", 1, 0, u32(1), u64(80, 2048), u32(0x10000)));
        try (Mp4File f = Mp4File.open(write("g1.mp4", new CraftedMovie().track(t).build()))) {
            assertEquals(2048, f.tracks().get(0).mediaStartTime());
            assertEquals(0, f.tracks().get(0).emptyEditDurationMovieUnits());
        }
    }

    @Test
    void everyTruncationOfAFileIsAFormatError() throws IOException {
        CraftedMovie.Track t = video(40, 41, 42);
        byte[] moovLast = new CraftedMovie().track(t).build();
        CraftedMovie first = new CraftedMovie();
        first.moovFirst = true;
        byte[] moovFirst = first.track(video(40, 41, 42)).build();
        for (byte[] full : new byte[][] {moovLast, moovFirst}) {
            Path p = dir.resolve("trunc.mp4");
            for (int len = 0; len < full.length; len++) {
                Files.write(p, Arrays.copyOf(full, len));
                int cut = len;
                assertThrows(MediaFormatException.class, () -> Mp4File.open(p).close(), "cut at " + cut);
            }
        }
    }

    @Test
    void childLargerThanParentIsRejected() throws IOException {
        byte[] ftyp = box("ftyp", ascii("isom"), u32(0));
        byte[] mvhd = full("mvhd", 0, 0, u32(0, 0, 1000, 0), zeros(80));
        byte[] bogus = cat(u32(500), ascii("trak"), zeros(8)); // claims 500 bytes, has 16
        byte[] moov = box("moov", mvhd, bogus);
        Path p = write("h.mp4", cat(ftyp, moov));
        MediaFormatException e = assertThrows(MediaFormatException.class, () -> Mp4File.open(p));
        assertTrue(e.getMessage().contains("trak"), e.getMessage());
        assertTrue(e.getMessage().contains("moov"), e.getMessage());
        assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
    }

    @Test
    void topLevelBoxBeyondEndOfFileIsRejected() throws IOException {
        byte[] file = cat(box("ftyp", ascii("isom"), u32(0)), u32(100000), ascii("mdat"), zeros(10));
        Path p = write("i.mp4", file);
        MediaFormatException e = assertThrows(MediaFormatException.class, () -> Mp4File.open(p));
        assertTrue(e.getMessage().contains("mdat"), e.getMessage());
    }

    @Test
    void absurdSampleCountIsRejected() throws IOException {
        CraftedMovie.Track t = video(3, 3);
        byte[] good = new CraftedMovie().track(t).build();
        // replace the stsz sample_count (2) with 60 million
        int at = indexOf(good, ascii("stsz")) + 4 + 4 + 4;
        ByteBuffer.wrap(good).putInt(at, 60_000_000);
        Path p = write("j.mp4", good);
        MediaFormatException e = assertThrows(MediaFormatException.class, () -> Mp4File.open(p));
        assertTrue(e.getMessage().contains("stsz"), e.getMessage());
    }

    @Test
    void absurdStsdEntryCountIsRejected() throws IOException {
        byte[] good = new CraftedMovie().track(video(3)).build();
        int at = indexOf(good, ascii("stsd")) + 4 + 4;
        ByteBuffer.wrap(good).putInt(at, 5000);
        Path p = write("k.mp4", good);
        MediaFormatException e = assertThrows(MediaFormatException.class, () -> Mp4File.open(p));
        assertTrue(e.getMessage().contains("stsd"), e.getMessage());
    }

    @Test
    void sampleOffsetsPastEndOfFileAreRejected() throws IOException {
        CraftedMovie m = new CraftedMovie();
        m.moovFirst = true;
        byte[] good = m.track(video(3, 3)).build();
        int at = indexOf(good, ascii("stco")) + 4 + 4 + 4;
        ByteBuffer.wrap(good).putInt(at, good.length - 2);
        Path p = write("l.mp4", good);
        assertThrows(MediaFormatException.class, () -> Mp4File.open(p));
    }

    @Test
    void missingMoovIsAFormatError() throws IOException {
        Path p = write("m.mp4", cat(box("ftyp", ascii("isom"), u32(0)), box("mdat", zeros(20))));
        assertThrows(MediaFormatException.class, () -> Mp4File.open(p));
    }

    @Test
    void quickTimeBrandSizeZeroMdatAndUnknownBoxes() throws IOException {
        CraftedMovie m = new CraftedMovie();
        m.brand = "qt  ";
        m.moovFirst = true;
        byte[] built = m.track(video(4, 4)).build();
        // splice a 'wide' and an unknown box before mdat, and rewrite mdat's size as 0 (to end of file)
        int mdatAt = indexOf(built, ascii("mdat")) - 4;
        byte[] extra = cat(box("wide"), box("junk", zeros(3)));
        byte[] file = cat(Arrays.copyOf(built, mdatAt), extra, Arrays.copyOfRange(built, mdatAt, built.length));
        // chunk offsets moved by extra.length: patch stco
        int stco = indexOf(file, ascii("stco")) + 4 + 4 + 4;
        ByteBuffer bb = ByteBuffer.wrap(file);
        bb.putInt(stco, bb.getInt(stco) + extra.length);
        bb.putInt(mdatAt + extra.length, 0);
        try (Mp4File f = Mp4File.open(write("n.mov", file))) {
            assertEquals("qt  ", f.majorBrand());
            assertSampleContent(f, f.tracks().get(0));
        }
    }

    @Test
    void corruptedMoovNeverEscapesAsRuntimeException() throws IOException {
        CraftedMovie.Track t = video(20, 21, 22, 23);
        t.chunkSamples = new int[] {1, 3};
        t.ctts = full("ctts", 0, 0, u32(1, 4, 0));
        t.stss = full("stss", 0, 0, u32(1, 1));
        byte[] good = new CraftedMovie().track(t).build();
        int moovAt = indexOf(good, ascii("moov")) - 4;
        Random rnd = new Random(42);
        Path p = dir.resolve("fuzz.mp4");
        for (int iter = 0; iter < 400; iter++) {
            byte[] bad = good.clone();
            for (int k = 0; k < 1 + rnd.nextInt(4); k++) {
                int pos = moovAt + 8 + rnd.nextInt(bad.length - moovAt - 8);
                bad[pos] = (byte) (rnd.nextBoolean() ? rnd.nextInt(256) : 0xFF);
            }
            Files.write(p, bad);
            try (Mp4File f = Mp4File.open(p)) {
                for (Mp4Track tr : f.tracks()) {
                    for (int i = 0; i < tr.samples().count(); i++) {
                        f.readSample(tr, i, ByteBuffer.allocate(tr.samples().size(i)));
                    }
                }
            } catch (MediaFormatException expected) {
                // fine: rejected cleanly
            }
        }
    }

    @Test
    void sdpTextFromMovieAndTrackUdta() throws IOException {
        CraftedMovie m = new CraftedMovie();
        m.movieUdta = box("udta", box("hnti", box("rtp ", ascii("sdp "), ascii("s=crafted\r\n"))));
        CraftedMovie.Track t = video(3);
        t.udta = box("udta", box("hnti", box("sdp ", ascii("m=video 0 RTP/AVP 96\r\n"))), u32(0));
        try (Mp4File f = Mp4File.open(write("o.mp4", m.track(t).build()))) {
            assertEquals("s=crafted\r\n", f.movieSdp());
            assertEquals("m=video 0 RTP/AVP 96\r\n", f.tracks().get(0).trackSdp());
        }
    }

    @Test
    void concurrentReadsShareOneFile() throws Exception {
        int[] sizes = new int[200];
        Arrays.fill(sizes, 100);
        CraftedMovie.Track t = video(sizes);
        t.chunkSamples = new int[] {50, 50, 50, 50};
        try (Mp4File f = Mp4File.open(write("p.mp4", new CraftedMovie().track(t).build()))) {
            Mp4Track v = f.tracks().get(0);
            Thread[] threads = new Thread[8];
            Throwable[] failure = new Throwable[1];
            for (int k = 0; k < threads.length; k++) {
                threads[k] = new Thread(() -> {
                    try {
                        assertSampleContent(f, v);
                    } catch (Throwable e) {
                        failure[0] = e;
                    }
                });
                threads[k].start();
            }
            for (Thread th : threads) {
                th.join();
            }
            assertNull(failure[0]);
        }
    }

    static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int k = 0; k < pattern.length; k++) {
                if (data[i + k] != pattern[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("pattern not found");
    }
}
