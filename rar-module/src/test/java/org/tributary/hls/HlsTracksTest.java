package org.tributary.hls;

import org.junit.jupiter.api.Test;
import org.tributary.media.mp4.Mp4File;
import org.tributary.source.UnsupportedMediaException;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HlsTracksTest {

    private static final Path SAMPLES = Path.of("src/test/resources/org/tributary/media/mp4/Mp4FileFuzzTestInputs/open");

    @Test
    void h264CodecIsProfileCompatibilityAndLevelInHex() {
        assertEquals("avc1.4d401e", HlsTracks.avcCodec("avc1", new byte[] {1, 0x4D, 0x40, 0x1E, (byte) 0xFF}));
    }

    @Test
    void h265CodecFollowsIso14496Part15AnnexE() {
        byte[] hvcC = new byte[23];
        hvcC[1] = 0x01;                           // space 0, main tier, Main profile
        hvcC[2] = 0x60;                           // compatibility flags 1 and 2
        hvcC[6] = (byte) 0xB0;                    // progressive, interlaced 0, non-packed, frame-only
        hvcC[12] = 93;                            // level 3.1
        assertEquals("hvc1.1.6.L93.B0", HlsTracks.hevcCodec("hvc1", hvcC));
        hvcC[1] = 0x22;                           // high tier, Main 10
        hvcC[2] = 0x20;
        assertEquals("hvc1.2.4.H93.B0", HlsTracks.hevcCodec("hvc1", hvcC));
    }

    @Test
    void aacObjectTypeComesFromTheAudioSpecificConfig() {
        assertEquals(2, HlsTracks.audioObjectType(new byte[] {0x11, (byte) 0x90}));
        assertEquals(5, HlsTracks.audioObjectType(new byte[] {0x2B, (byte) 0x92}));
        assertEquals(42, HlsTracks.audioObjectType(new byte[] {(byte) 0xF9, 0x40})); // 31 escape: 32 + 10
    }

    @Test
    void videoFirstThenAudioAndHintTracksLeftOut() throws Exception {
        try (Mp4File file = Mp4File.open(SAMPLES.resolve("hinted.mp4"))) {
            List<HlsTrack> tracks = HlsTracks.choose(file, "hinted.mp4");
            assertEquals(List.of("vide", "soun"), tracks.stream().map(t -> t.init().handler()).toList());
            assertEquals("mp4a.40.2", tracks.get(1).codec());
        }
        try (Mp4File file = Mp4File.open(SAMPLES.resolve("hevc-aac.mp4"))) {
            assertEquals(List.of("hvc1", "mp4a"), HlsTracks.choose(file, "x").stream()
                    .map(t -> t.codec().substring(0, 4)).toList());
        }
    }

    @Test
    void anotherVideoCodecIsRefusedByName() throws Exception {
        Path dir = Path.of("target/hls-tracks-test");
        java.nio.file.Files.createDirectories(dir);
        org.junit.jupiter.api.Assumptions.assumeTrue(org.tributary.media.FfmpegFixtures.available());
        Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                "testsrc=size=176x144:rate=15", "-t", "1", "-c:v", "mpeg4", dir.resolve("mpeg4.mp4").toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        try (Mp4File file = Mp4File.open(dir.resolve("mpeg4.mp4"))) {
            UnsupportedMediaException e = org.junit.jupiter.api.Assertions.assertThrows(UnsupportedMediaException.class,
                    () -> HlsTracks.choose(file, "mpeg4.mp4"));
            assertEquals("mpeg4.mp4: HLS cannot carry its video codec 'mp4v' (H.264 and H.265 only)", e.getMessage());
        }
    }
}
