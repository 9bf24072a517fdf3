package org.tributary.hls;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.media.FfmpegFixtures;
import org.tributary.media.fmp4.ParsedBox;
import org.tributary.media.mp4.Mp4File;
import org.tributary.media.mp4.Mp4Track;
import org.tributary.media.mp4.SampleTable;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Segments of a real H.264 + AAC file (3 s, a key frame every second) read back: every sample of the source
 * once, in order, with its size, bytes, duration and key-frame flag; tfdt equal to the sum of the earlier
 * segments' durations; and ffprobe decodes the init segment plus segments as one file.
 */
class HlsPresentationTest {

    static final Path dir = Path.of("target/hls-presentation-test");
    static Path source;

    @BeforeAll
    static void makeFile() throws Exception {
        assumeTrue(FfmpegFixtures.available(), "ffmpeg not installed");
        Files.createDirectories(dir);
        source = FfmpegFixtures.avFile(dir, "av.mp4");
    }

    @Test
    void segmentsHoldEverySourceSampleOnceWithItsBytesAndFlags() throws Exception {
        try (HlsPresentation p = HlsPresentation.open(source, "av.mp4", 1);
             Mp4File mp4 = Mp4File.open(source)) {
            assertEquals(3, p.segmentCount(), "3 s cut at the 1 s key frames");
            Mp4Track video = mp4.tracks().stream().filter(t -> t.handlerType().equals("vide")).findFirst().orElseThrow();
            Mp4Track audio = mp4.tracks().stream().filter(t -> t.handlerType().equals("soun")).findFirst().orElseThrow();
            int[] next = new int[3];
            long[] decodeTime = new long[3];
            for (int s = 0; s < p.segmentCount(); s++) {
                byte[] segment = p.segment(s);
                List<ParsedBox> boxes = ParsedBox.parse(segment);
                ParsedBox moof = ParsedBox.find(boxes, "moof");
                assertEquals(s + 1, moof.child("mfhd").content().getInt(4), "sequence number");
                boolean first = true;
                for (ParsedBox traf : moof.all("traf")) {
                    int id = traf.child("tfhd").tfhdTrackId();
                    Mp4Track track = id == video.trackId() ? video : audio;
                    ParsedBox.Trun trun = traf.child("trun").trun();
                    assertEquals(decodeTime[id], traf.child("tfdt").tfdt(), "tfdt of track " + id + " in segment " + s);
                    if (track == video) {
                        assertEquals(0x02000000, trun.sampleFlags()[0], "segment " + s + " starts with a key frame");
                        assertTrue(first, "video traf first");
                    }
                    first = false;
                    SampleTable table = track.samples();
                    int dataAt = moof.start() + trun.dataOffset();
                    for (int k = 0; k < trun.count(); k++) {
                        int i = next[id]++;
                        assertEquals(table.size(i), trun.sizes()[k], "size of sample " + i);
                        assertEquals(table.isSync(i), trun.sampleFlags()[k] == 0x02000000, "sync flag of sample " + i);
                        assertEquals(table.compositionOffset(i), trun.offsets()[k]);
                        if (i + 1 < table.count()) {
                            assertEquals(table.decodeTime(i + 1) - table.decodeTime(i), trun.durations()[k]);
                        }
                        ByteBuffer expected = ByteBuffer.allocate(table.size(i));
                        mp4.readSample(track, i, expected);
                        assertArrayEquals(expected.array(), Arrays.copyOfRange(segment, dataAt, dataAt + table.size(i)),
                                "bytes of sample " + i + " of track " + id);
                        dataAt += table.size(i);
                        decodeTime[id] += trun.durations()[k];
                    }
                }
            }
            assertEquals(video.samples().count(), next[video.trackId()], "every video sample");
            assertEquals(audio.samples().count(), next[audio.trackId()], "every audio sample");
        }
    }

    @Test
    void theMediaPlaylistListsTheSegmentsWithTheirDurations() throws Exception {
        try (HlsPresentation p = HlsPresentation.open(source, "av.mp4", 1)) {
            String playlist = p.mediaPlaylist();
            assertTrue(playlist.contains("#EXT-X-TARGETDURATION:1\n"), playlist);
            assertEquals(3, playlist.lines().filter(l -> l.startsWith("#EXTINF:1.00000,")).count(), playlist);
            assertTrue(playlist.endsWith("seg2.m4s\n#EXT-X-ENDLIST\n"), playlist);
            assertTrue(p.multivariantPlaylist().contains("CODECS=\"avc1.f4000d,mp4a.40.2\",RESOLUTION=320x240"),
                    p.multivariantPlaylist());
        }
    }

    @Test
    void ffprobeDecodesTheInitSegmentAndTheSegmentsAsOneStream() throws Exception {
        Path joined = dir.resolve("joined.mp4");
        try (HlsPresentation p = HlsPresentation.open(source, "av.mp4", 1)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(p.init());
            for (int s = 0; s < p.segmentCount(); s++) {
                out.writeBytes(p.segment(s));
            }
            Files.write(joined, out.toByteArray());
        }
        List<String> frames = framesPerStream(joined);
        assertEquals(List.of("h264", "aac"), frames.stream().map(l -> l.split(",")[0]).toList(), frames.toString());
        try (Mp4File mp4 = Mp4File.open(source)) {
            // every sample of the source, the AAC priming frame too (the source's edit list hides it from ffprobe)
            assertEquals(List.of("h264," + mp4.tracks().get(0).samples().count(),
                    "aac," + mp4.tracks().get(1).samples().count()), frames, "every frame decoded");
        }
    }

    /** ffprobe's "codec,frames read" per stream. */
    private static List<String> framesPerStream(Path file) throws Exception {
        Process probe = new ProcessBuilder("ffprobe", "-v", "error", "-count_frames", "-show_entries",
                "stream=codec_name,nb_read_frames", "-of", "csv=p=0", file.toString())
                .redirectErrorStream(true).start();
        String answer = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(probe.waitFor(60, TimeUnit.SECONDS));
        return answer.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void aQuickTimeMovieCarriesTheSameCodecs() throws Exception {
        Path mov = FfmpegFixtures.avFile(dir, "av.mov");
        try (HlsPresentation p = HlsPresentation.open(mov, "av.mov", 1)) {
            assertEquals(List.of("avc1.f4000d", "mp4a.40.2"), p.codecs());
            Path joined = dir.resolve("joined-mov.mp4");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(p.init());
            for (int s = 0; s < p.segmentCount(); s++) {
                out.writeBytes(p.segment(s));
            }
            Files.write(joined, out.toByteArray());
            assertEquals(List.of("h264", "aac"), framesPerStream(joined).stream().map(l -> l.split(",")[0]).toList());
        }
    }

    @Test
    void anHevcFileIsSegmentedAndDecodes() throws Exception {
        Path hevc = Path.of("src/test/resources/org/tributary/media/mp4/Mp4FileFuzzTestInputs/open/hevc-aac.mp4");
        try (HlsPresentation p = HlsPresentation.open(hevc, "hevc-aac.mp4", 1)) {
            assertTrue(p.codecs().get(0).startsWith("hvc1."), p.codecs().toString());
            Path joined = dir.resolve("joined-hevc.mp4");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(p.init());
            for (int s = 0; s < p.segmentCount(); s++) {
                out.writeBytes(p.segment(s));
            }
            Files.write(joined, out.toByteArray());
            try (Mp4File source = Mp4File.open(hevc)) {
                assertEquals(List.of("hevc," + source.tracks().get(0).samples().count(),
                        "aac," + source.tracks().get(1).samples().count()), framesPerStream(joined));
            }
        }
    }
}
