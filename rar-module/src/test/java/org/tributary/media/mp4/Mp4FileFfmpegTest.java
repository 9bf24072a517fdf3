package org.tributary.media.mp4;

import org.tributary.rtp.payload.h264.AvcDecoderConfig;
import org.tributary.rtp.payload.mpeg4audio.AudioSpecificConfig;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tributary.media.FfmpegFixtures;

/** Reads files written by ffmpeg; skipped when ffmpeg is not installed. */
class Mp4FileFfmpegTest {
    @TempDir
    static Path dir;
    static boolean ffmpeg;

    @BeforeAll
    static void checkFfmpeg() {
        ffmpeg = FfmpegFixtures.available();
    }

    private static Mp4Track track(Mp4File f, String handler) {
        return f.tracks().stream().filter(t -> t.handlerType().equals(handler)).findFirst().orElseThrow();
    }

    private static void assertAvFile(Mp4File f) {
        assertEquals(3.0, f.durationSeconds(), 0.1);
        Mp4Track v = track(f, "vide");
        Mp4Track a = track(f, "soun");
        assertEquals("avc1", v.sampleEntry().fourcc());
        assertEquals(320, v.sampleEntry().width());
        assertEquals(240, v.sampleEntry().height());
        AvcDecoderConfig avc = AvcDecoderConfig.parse(v.sampleEntry().avcC());
        assertEquals(4, avc.nalLengthSize());
        assertFalse(avc.sps().isEmpty());
        assertTrue(avc.sps().get(0).length > 3);
        assertFalse(avc.pps().isEmpty());
        SampleTable s = v.samples();
        assertEquals(75, s.count());
        assertFalse(s.allSync());
        for (int i = 0; i < 75; i++) {
            assertEquals(i % 25 == 0, s.isSync(i), "sync at " + i);
        }
        assertEquals(25, s.syncSampleAtOrBefore(49));
        assertEquals(3.0, v.mediaDurationSeconds(), 0.05);
        long frame = v.mediaTimescale() / 25;
        assertEquals(40, s.sampleAtOrBefore(40 * frame + frame / 2));

        assertEquals("mp4a", a.sampleEntry().fourcc());
        assertEquals(0x40, a.sampleEntry().objectTypeIndication());
        AudioSpecificConfig asc = AudioSpecificConfig.parse(a.sampleEntry().decoderSpecificInfo());
        assertEquals(2, asc.audioObjectType());
        assertEquals(48000, asc.samplingFrequency());
        assertEquals(1, asc.channelConfiguration());
        assertEquals(48000, a.mediaTimescale());
        assertEquals(3.0, a.mediaDurationSeconds(), 0.1);
        assertTrue(a.samples().count() >= 140, "aac frames: " + a.samples().count());
    }

    @Test
    void plainMp4MoovAtEnd() throws Exception {
        assumeTrue(ffmpeg, "ffmpeg not installed");
        try (Mp4File f = Mp4File.open(FfmpegFixtures.avFile(dir, "plain.mp4"))) {
            assertEquals("isom", f.majorBrand());
            assertEquals(2, f.tracks().size());
            assertAvFile(f);
            assertFirstVideoSampleIsIdr(f);
        }
    }

    @Test
    void faststartMp4() throws Exception {
        assumeTrue(ffmpeg, "ffmpeg not installed");
        try (Mp4File f = Mp4File.open(FfmpegFixtures.avFile(dir, "fast.mp4", "-movflags", "+faststart"))) {
            assertEquals(2, f.tracks().size());
            assertAvFile(f);
            assertFirstVideoSampleIsIdr(f);
        }
    }

    @Test
    void quickTimeMov() throws Exception {
        assumeTrue(ffmpeg, "ffmpeg not installed");
        try (Mp4File f = Mp4File.open(FfmpegFixtures.avFile(dir, "movie.mov"))) {
            assertEquals("qt  ", f.majorBrand());
            assertAvFile(f);
            assertFirstVideoSampleIsIdr(f);
        }
    }

    /** The first sample holds length-prefixed NAL units and includes an IDR slice (type 5). */
    private static void assertFirstVideoSampleIsIdr(Mp4File f) throws IOException {
        Mp4Track v = track(f, "vide");
        ByteBuffer b = ByteBuffer.allocate(v.samples().size(0));
        f.readSample(v, 0, b);
        boolean idr = false;
        for (byte[] nal : nals(b.array())) {
            idr |= (nal[0] & 0x1F) == 5;
        }
        assertTrue(idr);
    }

    @Test
    void hintedMp4PacketsRebuildEveryMediaSample() throws Exception {
        assumeTrue(ffmpeg, "ffmpeg not installed");
        try (Mp4File f = Mp4File.open(FfmpegFixtures.avFile(dir, "hinted.mp4", "-movflags", "+rtphint"))) {
            assertEquals(4, f.tracks().size());
            assertNull(f.movieSdp(), "ffmpeg writes SDP per hint track only");
            Mp4Track v = track(f, "vide");
            Mp4Track a = track(f, "soun");
            List<Mp4Track> hints = f.tracks().stream().filter(Mp4Track::isHintTrack).toList();
            assertEquals(2, hints.size());
            for (Mp4Track h : hints) {
                assertEquals("rtp ", h.sampleEntry().fourcc());
                assertTrue(h.maxPacketSize() > 0);
                assertNotNull(h.trackSdp());
                int[] refs = h.trackReferences("hint");
                assertEquals(1, refs.length);
                Mp4Track media = f.trackById(refs[0]);
                if (media == v) {
                    assertEquals(90000, h.rtpTimescale());
                    assertTrue(h.trackSdp().contains("H264"), h.trackSdp());
                    assertEquals(allNals(f, v), h264NalsFromPackets(f, h));
                } else {
                    assertSame(a, media);
                    assertEquals(48000, h.rtpTimescale());
                    assertTrue(h.trackSdp().toLowerCase().contains("mpeg4-generic"), h.trackSdp());
                    List<String> frames = aacFramesFromPackets(f, h);
                    List<String> expected = samplesHex(f, a);
                    // the RTP muxer may still hold the last frames when the file is closed
                    assertTrue(frames.size() >= expected.size() - 10, frames.size() + " of " + expected.size());
                    assertEquals(expected.subList(0, frames.size()), frames);
                }
            }
        }
    }

    private static List<byte[]> payloads(Mp4File f, Mp4Track h) throws IOException {
        List<byte[]> out = new ArrayList<>();
        ByteBuffer sample = ByteBuffer.allocate(h.samples().maxSampleSize());
        ByteBuffer payload = ByteBuffer.allocate((int) h.maxPacketSize());
        int seq = -1;
        for (int i = 0; i < h.samples().count(); i++) {
            sample.clear();
            f.readSample(h, i, sample);
            RtpHintSample hs = RtpHintSample.parse(sample.flip());
            for (HintPacket p : hs.packets()) {
                if (seq >= 0) {
                    assertEquals((seq + 1) & 0xFFFF, p.sequenceNumber());
                }
                seq = p.sequenceNumber();
                payload.clear();
                int n = HintPacketAssembler.assemble(p, f, h, payload);
                assertTrue(n + 12 <= h.maxPacketSize());
                out.add(Arrays.copyOf(payload.array(), n));
            }
        }
        return out;
    }

    /** Undoes RFC 6184 packetization: single NAL, STAP-A (24) and FU-A (28). */
    private static List<String> h264NalsFromPackets(Mp4File f, Mp4Track h) throws IOException {
        List<String> nals = new ArrayList<>();
        ByteArrayOutputStream fu = null;
        for (byte[] p : payloads(f, h)) {
            int type = p[0] & 0x1F;
            if (type == 24) {
                ByteBuffer b = ByteBuffer.wrap(p, 1, p.length - 1);
                while (b.remaining() >= 2) {
                    byte[] nal = new byte[b.getShort() & 0xFFFF];
                    b.get(nal);
                    nals.add(hex(nal));
                }
            } else if (type == 28) {
                if ((p[1] & 0x80) != 0) {
                    fu = new ByteArrayOutputStream();
                    fu.write((p[0] & 0xE0) | (p[1] & 0x1F));
                }
                fu.write(p, 2, p.length - 2);
                if ((p[1] & 0x40) != 0) {
                    nals.add(hex(fu.toByteArray()));
                    fu = null;
                }
            } else {
                nals.add(hex(p));
            }
        }
        return nals;
    }

    /** Undoes RFC 3640 AAC-hbr packetization (16-bit AU headers: 13-bit size, 3-bit index). */
    private static List<String> aacFramesFromPackets(Mp4File f, Mp4Track h) throws IOException {
        List<String> frames = new ArrayList<>();
        for (byte[] p : payloads(f, h)) {
            ByteBuffer b = ByteBuffer.wrap(p);
            int headers = (b.getShort() & 0xFFFF) / 16;
            int[] sizes = new int[headers];
            for (int i = 0; i < headers; i++) {
                sizes[i] = (b.getShort() & 0xFFFF) >>> 3;
            }
            for (int size : sizes) {
                byte[] frame = new byte[size];
                b.get(frame);
                frames.add(hex(frame));
            }
        }
        return frames;
    }

    private static List<String> allNals(Mp4File f, Mp4Track v) throws IOException {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.samples().count(); i++) {
            ByteBuffer b = ByteBuffer.allocate(v.samples().size(i));
            f.readSample(v, i, b);
            for (byte[] nal : nals(b.array())) {
                out.add(hex(nal));
            }
        }
        return out;
    }

    private static List<String> samplesHex(Mp4File f, Mp4Track t) throws IOException {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.samples().count(); i++) {
            ByteBuffer b = ByteBuffer.allocate(t.samples().size(i));
            f.readSample(t, i, b);
            out.add(hex(b.array()));
        }
        return out;
    }

    private static List<byte[]> nals(byte[] sample) {
        List<byte[]> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(sample);
        while (b.remaining() >= 4) {
            byte[] nal = new byte[b.getInt()];
            b.get(nal);
            out.add(nal);
        }
        return out;
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder(b.length * 2);
        for (byte x : b) {
            s.append(Character.forDigit((x >>> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
        }
        return s.toString();
    }
}
