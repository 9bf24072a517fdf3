package org.tributary.hls;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.api.HlsReply;
import org.tributary.catalog.MediaCatalog;
import org.tributary.media.FfmpegFixtures;
import org.tributary.media.fmp4.ParsedBox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What each resource name answers, with its status and type, and that a segment is made once while cached. */
class HlsServiceTest {

    static final Path ROOT = Path.of("target/hls-service-test");

    @BeforeAll
    static void media() throws Exception {
        assumeTrue(FfmpegFixtures.available(), "ffmpeg not installed");
        Files.createDirectories(ROOT.resolve("movies"));
        FfmpegFixtures.avFile(ROOT.resolve("movies"), "a.mp4");
        FfmpegFixtures.mp3File(ROOT, "song.mp3");
    }

    private final HlsService hls = new HlsService(new MediaCatalog(ROOT), 1, 10_000_000);

    private static String text(HlsReply r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void playlistsInitAndSegmentsHaveTheirTypes() {
        HlsReply index = hls.get("movies/a.mp4", "index.m3u8");
        assertEquals(200, index.status());
        assertEquals("application/vnd.apple.mpegurl", index.contentType());
        assertTrue(text(index).contains("\nmedia.m3u8\n"), text(index));
        HlsReply media = hls.get("movies/a.mp4", "media.m3u8");
        assertTrue(text(media).contains("#EXT-X-ENDLIST"), text(media));
        HlsReply init = hls.get("movies/a.mp4", "init.mp4");
        assertEquals("video/mp4", init.contentType());
        assertEquals(List.of("ftyp", "moov"), ParsedBox.parse(init.body()).stream().map(ParsedBox::type).toList());
        HlsReply seg = hls.get("movies/a.mp4", "seg2.m4s");
        assertEquals(200, seg.status());
        assertEquals("video/iso.segment", seg.contentType());
        assertEquals(List.of("styp", "moof", "mdat"), ParsedBox.parse(seg.body()).stream().map(ParsedBox::type).toList());
    }

    @Test
    void aSegmentIsMadeOnceWhileTheCacheHoldsIt() {
        HlsReply first = hls.get("movies/a.mp4", "seg0.m4s");
        HlsReply again = hls.get("movies/a.mp4", "seg0.m4s");
        assertSame(first.body(), again.body());
        assertEquals(first.body().length, hls.cachedBytes());
    }

    @Test
    void unknownNamesMissingFilesAndSegmentsPastTheEndAre404() {
        HlsReply name = hls.get("movies/a.mp4", "seg01.m4s");
        assertEquals(404, name.status());
        assertEquals("no HLS resource 'seg01.m4s': index.m3u8, media.m3u8, init.mp4 and seg<N>.m4s are\n", text(name));
        assertEquals(404, hls.get("movies/none.mp4", "index.m3u8").status());
        HlsReply past = hls.get("movies/a.mp4", "seg3.m4s");
        assertEquals(404, past.status());
        assertEquals("movies/a.mp4 has 3 segments: no seg3.m4s\n", text(past));
    }

    @Test
    void aPathOutOfTheFolderIs403AndAnMp3FileIs415WithTheReason() {
        assertEquals(403, hls.get("../x.mp4", "index.m3u8").status());
        HlsReply mp3 = hls.get("song.mp3", "index.m3u8");
        assertEquals(415, mp3.status());
        assertTrue(text(mp3).startsWith("song.mp3 cannot be played as HLS (MP4 and QuickTime files only): "), text(mp3));
        assertEquals("text/plain; charset=UTF-8", mp3.contentType());
    }

    @Test
    void theCorsOriginSettingGoesOnEveryAnswerRefusalsToo() {
        assertEquals(null, hls.get("movies/a.mp4", "index.m3u8").allowOrigin());
        hls.corsOrigin("https://intranet.example.com");
        assertEquals("https://intranet.example.com", hls.get("movies/a.mp4", "index.m3u8").allowOrigin());
        assertEquals("https://intranet.example.com", hls.get("movies/none.mp4", "index.m3u8").allowOrigin());
        hls.corsOrigin("none");
        assertEquals(null, hls.get("movies/a.mp4", "init.mp4").allowOrigin());
    }
}
