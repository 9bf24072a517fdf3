package org.tributary.loadtool.hls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Multivariant, VOD and live media playlists, URI resolution with and without queries, and refusals by line. */
class PlaylistTest {
    private static final URI MULTIVARIANT_URL =
            URI.create("http://127.0.0.1:8080/tributary/hls/movies/a%20b.mp4/index.m3u8?token=123.abc");
    private static final URI MEDIA_URL = URI.create("http://127.0.0.1:8080/tributary/hls/movies/a%20b.mp4/media.m3u8");

    @Test
    void aMultivariantPlaylistListsItsVariantsResolvedAgainstItsUrl() {
        Playlist p = Playlist.parse("""
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-STREAM-INF:CODECS="avc1.42c01e,mp4a.40.2",BANDWIDTH=412000,AVERAGE-BANDWIDTH=300000,RESOLUTION=320x240
                media.m3u8?token=123.abc
                #EXT-X-STREAM-INF:BANDWIDTH=90000
                /other/audio.m3u8
                """, MULTIVARIANT_URL);
        assertTrue(p.isMultivariant());
        assertEquals(List.of(
                new Playlist.Variant(URI.create(
                        "http://127.0.0.1:8080/tributary/hls/movies/a%20b.mp4/media.m3u8?token=123.abc"), 412000),
                new Playlist.Variant(URI.create("http://127.0.0.1:8080/other/audio.m3u8"), 90000)), p.variants());
        assertEquals(List.of(), p.segments());
        assertEquals(0, p.targetDurationSeconds());
    }

    @Test
    void aVodMediaPlaylistHasItsInitSegmentSegmentsAndEnd() {
        Playlist p = Playlist.parse("""
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-TARGETDURATION:7
                #EXT-X-MEDIA-SEQUENCE:0
                #EXT-X-PLAYLIST-TYPE:VOD
                #EXT-X-MAP:URI="init.mp4"
                #EXTINF:6.00000,
                seg0.m4s
                #EXTINF:6.48000,a title, with a comma
                seg1.m4s
                #EXTINF:2.5,
                ../b.mp4/seg2.m4s
                #EXT-X-ENDLIST
                """, MEDIA_URL);
        assertFalse(p.isMultivariant());
        assertTrue(p.endList());
        assertEquals(7, p.targetDurationSeconds());
        assertEquals(URI.create("http://127.0.0.1:8080/tributary/hls/movies/a%20b.mp4/init.mp4"), p.initSegment());
        String dir = "http://127.0.0.1:8080/tributary/hls/movies/a%20b.mp4/";
        assertEquals(List.of(
                new Playlist.Segment(URI.create(dir + "seg0.m4s"), 6.0, 0),
                new Playlist.Segment(URI.create(dir + "seg1.m4s"), 6.48, 1),
                new Playlist.Segment(URI.create("http://127.0.0.1:8080/tributary/hls/movies/b.mp4/seg2.m4s"), 2.5, 2)),
                p.segments());
    }

    @Test
    void urisCarryTheirOwnQueryAndDoNotInheritThePlaylists() {
        URI withToken = URI.create("http://h:8080/tributary/hls/x.mp4/media.m3u8?token=9.z");
        Playlist p = Playlist.parse("""
                #EXTM3U
                #EXT-X-TARGETDURATION:6
                #EXT-X-MAP:URI="init.mp4?token=9.z"
                #EXTINF:6,
                seg0.m4s?token=9.z
                #EXTINF:6,
                seg1.m4s
                #EXTINF:6,
                https://cdn.example/abs/seg2.m4s?sig=q
                #EXT-X-ENDLIST
                """, withToken);
        assertEquals(URI.create("http://h:8080/tributary/hls/x.mp4/init.mp4?token=9.z"), p.initSegment());
        assertEquals(URI.create("http://h:8080/tributary/hls/x.mp4/seg0.m4s?token=9.z"), p.segments().get(0).uri());
        assertEquals(URI.create("http://h:8080/tributary/hls/x.mp4/seg1.m4s"), p.segments().get(1).uri());
        assertEquals(URI.create("https://cdn.example/abs/seg2.m4s?sig=q"), p.segments().get(2).uri());
    }

    @Test
    void aLiveMediaPlaylistNumbersItsSegmentsFromItsMediaSequence() {
        Playlist p = Playlist.parse("#EXTM3U\r\n#EXT-X-TARGETDURATION:2\r\n#EXT-X-MEDIA-SEQUENCE:1041\r\n"
                + "#EXTINF:2.000,\r\nlive1041.m4s\r\n#EXTINF:1.960,\r\nlive1042.m4s\r\n\r\n#EXTINF:2.040,\r\n"
                + "live1043.m4s\r\n", MEDIA_URL);
        assertFalse(p.endList());
        assertNull(p.initSegment());
        assertEquals(1041, p.mediaSequence());
        assertEquals(List.of(1041L, 1042L, 1043L), p.segments().stream().map(Playlist.Segment::sequence).toList());
        assertEquals(1.96, p.segments().get(1).durationSeconds());
    }

    @Test
    void aByteOrderMarkAndUnknownTagsAreTolerated() {
        Playlist p = Playlist.parse("\uFEFF#EXTM3U\n#EXT-X-TARGETDURATION:4\n# a comment\n#EXT-X-DISCONTINUITY\n"
                + "#EXT-X-PROGRAM-DATE-TIME:2026-12-06T10:00:00Z\n#EXTINF:4,\ns.ts\n", MEDIA_URL);
        assertEquals(1, p.segments().size());
    }

    @Test
    void malformedPlaylistsAreRefusedNamingTheLine() {
        assertRefused("not an HLS playlist: the first line is not #EXTM3U", "<html>404</html>\n");
        assertRefused("not an HLS playlist: the first line is not #EXTM3U", "");
        assertRefused("line 3: #EXTINF has no duration in seconds: abc",
                "#EXTM3U\n#EXT-X-TARGETDURATION:6\n#EXTINF:abc,\ns.m4s\n");
        assertRefused("line 2: #EXT-X-TARGETDURATION is not a whole number: six", "#EXTM3U\n#EXT-X-TARGETDURATION:six\n");
        assertRefused("line 2: #EXT-X-TARGETDURATION must be 1 to 86400 seconds, was 0", "#EXTM3U\n#EXT-X-TARGETDURATION:0\n");
        assertRefused("line 3: a URI without #EXTINF or #EXT-X-STREAM-INF before it: s.m4s",
                "#EXTM3U\n#EXT-X-TARGETDURATION:6\ns.m4s\n");
        assertRefused("the playlist ends before the URI of its last #EXTINF",
                "#EXTM3U\n#EXT-X-TARGETDURATION:6\n#EXTINF:6,\n");
        assertRefused("line 4: #EXTINF where a URI was expected",
                "#EXTM3U\n#EXT-X-TARGETDURATION:6\n#EXTINF:6,\n#EXTINF:6,\ns.m4s\n");
        assertRefused("line 2: #EXTINF with a negative or non-finite duration: -1,",
                "#EXTM3U\n#EXTINF:-1,\ns.m4s\n");
        assertRefused("neither #EXT-X-STREAM-INF nor #EXT-X-TARGETDURATION: not a multivariant or media playlist",
                "#EXTM3U\n#EXTINF:6,\ns.m4s\n");
        assertRefused("line 2: #EXT-X-STREAM-INF without BANDWIDTH", "#EXTM3U\n#EXT-X-STREAM-INF:CODECS=\"avc1\"\nm.m3u8\n");
        assertRefused("both variants (#EXT-X-STREAM-INF) and media segments in one playlist",
                "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\nm.m3u8\n#EXT-X-TARGETDURATION:6\n#EXTINF:6,\ns.m4s\n");
        assertRefused("line 3: an unterminated quoted value of URI",
                "#EXTM3U\n#EXT-X-TARGETDURATION:6\n#EXT-X-MAP:URI=\"init.mp4\n");
        assertRefused("line 3: byte ranges (#EXT-X-MAP BYTERANGE) are not supported by the load tool",
                "#EXTM3U\n#EXT-X-TARGETDURATION:6\n#EXT-X-MAP:URI=\"all.mp4\",BYTERANGE=\"720@0\"\n");
        assertRefused("line 4: a malformed URI: seg 0.m4s", "#EXTM3U\n#EXT-X-TARGETDURATION:6\n#EXTINF:6,\nseg 0.m4s\n");
        assertRefused("line 5: #EXT-X-MEDIA-SEQUENCE after the first segment",
                "#EXTM3U\n#EXT-X-TARGETDURATION:6\n#EXTINF:6,\ns.m4s\n#EXT-X-MEDIA-SEQUENCE:5\n");
    }

    private static void assertRefused(String message, String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Playlist.parse(text, MEDIA_URL));
        assertEquals(message, e.getMessage());
    }
}
