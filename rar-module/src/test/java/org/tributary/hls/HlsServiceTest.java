package org.tributary.hls;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tributary.api.HlsReply;
import org.tributary.api.HlsRequest;
import org.tributary.api.HlsToken;
import org.tributary.api.access.AccessRequest;
import org.tributary.auth.Verdict;
import org.tributary.rtsp.header.WwwAuthenticate;
import org.tributary.catalog.MediaCatalog;
import org.tributary.media.FfmpegFixtures;
import org.tributary.media.fmp4.ParsedBox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** The access questions asked, and the verdict every one gets. */
    private final List<AccessRequest> asked = new ArrayList<>();
    private Verdict verdict = new Verdict(Verdict.Kind.ALLOWED, null, null, List.of());
    private final HlsViewings viewings = new HlsViewings(r -> { }, NOW, () -> 0, 30, 1000, "test");
    private final HlsService hls = new HlsService(new MediaCatalog(ROOT), (request, uri) -> {
        asked.add(request);
        return verdict;
    }, new HlsTokens(SECRET, NOW), viewings, 1, 10_000_000);

    private HlsReply get(String path, String name) {
        return get(path, name, null, null);
    }

    private HlsReply get(String path, String name, String token, String authorization) {
        return hls.get(new HlsRequest(path, name, token, "192.0.2.7", "test", authorization,
                "/tributary/hls/" + path + "/" + name));
    }

    private static String text(HlsReply r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void playlistsInitAndSegmentsHaveTheirTypes() {
        HlsReply index = get("movies/a.mp4", "index.m3u8");
        assertEquals(200, index.status());
        assertEquals("application/vnd.apple.mpegurl", index.contentType());
        assertTrue(text(index).contains("\nmedia.m3u8\n"), text(index));
        HlsReply media = get("movies/a.mp4", "media.m3u8");
        assertTrue(text(media).contains("#EXT-X-ENDLIST"), text(media));
        HlsReply init = get("movies/a.mp4", "init.mp4");
        assertEquals("video/mp4", init.contentType());
        assertEquals(List.of("ftyp", "moov"), ParsedBox.parse(init.body()).stream().map(ParsedBox::type).toList());
        HlsReply seg = get("movies/a.mp4", "seg2.m4s");
        assertEquals(200, seg.status());
        assertEquals("video/iso.segment", seg.contentType());
        assertEquals(List.of("styp", "moof", "mdat"), ParsedBox.parse(seg.body()).stream().map(ParsedBox::type).toList());
    }

    @Test
    void anAddressOverItsViewingLimitGets503ForANewViewingButGoesOnWithItsOwn() {
        viewings.limitPerAddress(() -> 1);
        assertEquals(200, get("movies/a.mp4", "index.m3u8").status());
        HlsReply second = get("song.mp3", "index.m3u8");
        assertEquals(503, second.status());
        assertTrue(text(second).startsWith("192.0.2.7 already has 1 HLS viewings open"), text(second));
        assertEquals(200, get("movies/a.mp4", "seg0.m4s").status(), "the open viewing goes on");
    }

    @Test
    void aSegmentIsMadeOnceWhileTheCacheHoldsIt() {
        HlsReply first = get("movies/a.mp4", "seg0.m4s");
        HlsReply again = get("movies/a.mp4", "seg0.m4s");
        assertSame(first.body(), again.body());
        assertEquals(first.body().length, hls.cachedBytes());
    }

    @Test
    void aLiveStreamIsAnsweredByTheLivePackagersAfterTheSameAccessCheckAndCounted() {
        List<String> liveAsked = new ArrayList<>();
        hls.live((canonical, name, query) -> {
            liveAsked.add(canonical.path() + " " + name + " " + query);
            return canonical.path().equals("live/cam.sdp")
                    ? HlsReply.live(HlsReply.PLAYLIST_TYPE, "#EXTM3U\n".getBytes(StandardCharsets.UTF_8)) : null;
        });
        HlsReply live = hls.get(new HlsRequest("live/cam.sdp", "media.m3u8", null, "192.0.2.7", "test", null,
                "/tributary/hls/live/cam.sdp/media.m3u8?_HLS_msn=7&_HLS_part=1"));
        assertEquals(200, live.status());
        assertTrue(live.live());
        assertEquals(List.of("live/cam.sdp media.m3u8 _HLS_msn=7&_HLS_part=1"), liveAsked);
        assertEquals("live/cam.sdp", asked.get(0).path(), "the folder rules were asked first");
        assertEquals(1, viewings.size(), "the request opened a viewing");
        verdict = new Verdict(Verdict.Kind.FORBIDDEN, "no", null, List.of());
        assertEquals(403, get("live/cam.sdp", "media.m3u8").status());
        assertEquals(1, liveAsked.size(), "a refused request never reaches the packagers");
        verdict = new Verdict(Verdict.Kind.ALLOWED, null, null, List.of());
        assertEquals(200, get("movies/a.mp4", "index.m3u8").status(), "a path without a stream is a file's");
        assertFalse(get("movies/a.mp4", "index.m3u8").live());
    }

    @Test
    void unknownNamesMissingFilesAndSegmentsPastTheEndAre404() {
        HlsReply name = get("movies/a.mp4", "seg01.m4s");
        assertEquals(404, name.status());
        assertEquals("no HLS resource 'seg01.m4s': index.m3u8, media.m3u8, init.mp4, seg<N>.m4s and (live)"
                + " part<N>.<i>.m4s are\n", text(name));
        HlsReply part = get("movies/a.mp4", "part3.0.m4s");
        assertEquals(404, part.status());
        assertEquals("movies/a.mp4 is a file: its HLS has segments, not parts\n", text(part));
        assertEquals(404, get("movies/none.mp4", "index.m3u8").status());
        HlsReply past = get("movies/a.mp4", "seg3.m4s");
        assertEquals(404, past.status());
        assertEquals("movies/a.mp4 has 3 segments: no seg3.m4s\n", text(past));
    }

    @Test
    void aPathOutOfTheFolderIs403AndAnMp3FileIs415WithTheReason() {
        assertEquals(403, get("../x.mp4", "index.m3u8").status());
        HlsReply mp3 = get("song.mp3", "index.m3u8");
        assertEquals(415, mp3.status());
        assertTrue(text(mp3).startsWith("song.mp3 cannot be played as HLS (MP4 and QuickTime files only): "), text(mp3));
        assertEquals("text/plain; charset=UTF-8", mp3.contentType());
    }

    @Test
    void theCorsOriginSettingGoesOnEveryAnswerRefusalsToo() {
        assertEquals(null, get("movies/a.mp4", "index.m3u8").allowOrigin());
        hls.corsOrigin("https://intranet.example.com");
        assertEquals("https://intranet.example.com", get("movies/a.mp4", "index.m3u8").allowOrigin());
        assertEquals("https://intranet.example.com", get("movies/none.mp4", "index.m3u8").allowOrigin());
        hls.corsOrigin("none");
        assertEquals(null, get("movies/a.mp4", "init.mp4").allowOrigin());
    }

    @Test
    void withoutATokenTheAccessRulesDecideOnTheCanonicalPathWithTheCredentials() {
        assertEquals(200, get("movies//a.mp4", "index.m3u8", null, "Basic dXNlcjpwYXNz").status());
        AccessRequest request = asked.get(0);
        assertEquals("movies/a.mp4", request.path());
        assertEquals("http", request.protocol());
        assertEquals("192.0.2.7", request.clientAddress());
        assertEquals("user", request.user());
        assertEquals("pass", request.credentials().password());
    }

    @Test
    void aRefusalOfTheRulesIsA401WithItsChallengesOrA403() {
        verdict = new Verdict(Verdict.Kind.UNAUTHORIZED, "protected folder", null,
                List.of(WwwAuthenticate.parse("Basic realm=\"media\"")));
        HlsReply refused = get("movies/a.mp4", "seg0.m4s");
        assertEquals(401, refused.status());
        assertEquals(List.of("Basic realm=\"media\""), refused.authenticate());
        assertEquals("credentials needed: protected folder\n", text(refused));
        verdict = new Verdict(Verdict.Kind.FORBIDDEN, "not in the group", "bob", List.of());
        assertEquals(403, get("movies/a.mp4", "seg0.m4s").status());
    }

    @Test
    void aMintedTokenOpensThePathWithoutAskingTheRules() {
        verdict = new Verdict(Verdict.Kind.UNAUTHORIZED, "protected folder", null, List.of());
        HlsToken token = hls.mintToken("movies/./a.mp4", 3600);
        assertEquals("movies/a.mp4", token.path());
        assertEquals(Instant.parse("2026-12-04T13:00:00Z"), token.expiresAt());
        assertEquals(200, get("movies/a.mp4", "seg1.m4s", token.token(), null).status());
        assertEquals(List.of(), asked);
    }

    @Test
    void aTokenForAnotherPathOrAlteredIs403() {
        HlsToken token = hls.mintToken("movies/a.mp4", 3600);
        HlsReply other = get("song.mp3", "index.m3u8", token.token(), null);
        assertEquals(403, other.status());
        assertEquals("the token is not valid for song.mp3\n", text(other));
        String later = (token.expiresAt().getEpochSecond() + 3600) + token.token().substring(token.token().indexOf('.'));
        assertEquals(403, get("movies/a.mp4", "index.m3u8", later, null).status());
        assertEquals(List.of(), asked);
    }
}
