package org.tributary.hls;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlaylistsTest {

    @Test
    void aVodPlaylistHasTheCeilingOfTheLongestSegmentAsTargetAndEnds() {
        assertEquals("""
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-TARGETDURATION:7
                #EXT-X-MEDIA-SEQUENCE:0
                #EXT-X-PLAYLIST-TYPE:VOD
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-MAP:URI="init.mp4"
                #EXTINF:6.00000,
                seg0.m4s
                #EXTINF:6.04000,
                seg1.m4s
                #EXTINF:2.50000,
                seg2.m4s
                #EXT-X-ENDLIST
                """, Playlists.vodMedia(List.of(6.0, 6.04, 2.5)));
    }

    @Test
    void theMultivariantPlaylistNamesBandwidthCodecsAndResolution() {
        assertEquals("""
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-STREAM-INF:BANDWIDTH=700000,AVERAGE-BANDWIDTH=600000,CODECS="avc1.4d401e,mp4a.40.2",RESOLUTION=640x360
                media.m3u8
                """, Playlists.multivariant(700_000, 600_000, List.of("avc1.4d401e", "mp4a.40.2"), 640, 360));
    }

    @Test
    void audioOnlyHasNoResolution() {
        assertEquals("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n"
                        + "#EXT-X-STREAM-INF:BANDWIDTH=130000,AVERAGE-BANDWIDTH=128000,CODECS=\"mp4a.40.2\"\nmedia.m3u8\n",
                Playlists.multivariant(130_000, 128_000, List.of("mp4a.40.2"), 0, 0));
    }

    @Test
    void aLivePlaylistStartsAtItsFirstSegmentDatedOnceWithThePartsOfTheNewestAndAHint() {
        List<Playlists.LivePartEntry> parts42 = List.of(new Playlists.LivePartEntry(0, 0.48, true),
                new Playlists.LivePartEntry(1, 0.5, false));
        List<Playlists.LiveEntry> window = List.of(
                new Playlists.LiveEntry(41, 4.0, 1_700_000_000_123L, List.of()),
                new Playlists.LiveEntry(42, 4.04, 1_700_000_004_123L, parts42),
                new Playlists.LiveEntry(43, 5.5, 1_700_000_008_163L, List.of()));
        assertEquals("""
                #EXTM3U
                #EXT-X-VERSION:9
                #EXT-X-TARGETDURATION:6
                #EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=1.50000
                #EXT-X-PART-INF:PART-TARGET=0.50000
                #EXT-X-MEDIA-SEQUENCE:41
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-MAP:URI="init.mp4"
                #EXT-X-PROGRAM-DATE-TIME:2023-11-14T22:13:20.123Z
                #EXTINF:4.00000,
                seg41.m4s
                #EXT-X-PART:DURATION=0.48000,URI="part42.0.m4s",INDEPENDENT=YES
                #EXT-X-PART:DURATION=0.50000,URI="part42.1.m4s"
                #EXTINF:4.04000,
                seg42.m4s
                #EXTINF:5.50000,
                seg43.m4s
                #EXT-X-PART:DURATION=0.40000,URI="part44.0.m4s",INDEPENDENT=YES
                #EXT-X-PRELOAD-HINT:TYPE=PART,URI="part44.1.m4s"
                """, Playlists.liveMedia(window, List.of(new Playlists.LivePartEntry(0, 0.4, true)), 6, 0.5, false));
    }

    @Test
    void anEndedLivePlaylistHasEndListAndNoBlockingOrHint() {
        String text = Playlists.liveMedia(List.of(new Playlists.LiveEntry(7, 2.0, 0, List.of())),
                List.of(new Playlists.LivePartEntry(0, 0.3, true)), 2, 0.5, true);
        assertEquals("""
                #EXTM3U
                #EXT-X-VERSION:9
                #EXT-X-TARGETDURATION:2
                #EXT-X-PART-INF:PART-TARGET=0.50000
                #EXT-X-MEDIA-SEQUENCE:7
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-MAP:URI="init.mp4"
                #EXT-X-PROGRAM-DATE-TIME:1970-01-01T00:00:00Z
                #EXTINF:2.00000,
                seg7.m4s
                #EXT-X-ENDLIST
                """, text);
        assertEquals(1, text.split("#EXT-X-ENDLIST", -1).length - 1, "one ENDLIST");
    }

    @Test
    void anEmptyLivePlaylistHasATargetOfAtLeastOneSecondAndNoHint() {
        assertEquals("#EXTM3U\n#EXT-X-VERSION:9\n#EXT-X-TARGETDURATION:1\n"
                + "#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=1.50000\n#EXT-X-PART-INF:PART-TARGET=0.50000\n"
                + "#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-INDEPENDENT-SEGMENTS\n#EXT-X-MAP:URI=\"init.mp4\"\n",
                Playlists.liveMedia(List.of(), List.of(), 0, 0.5, false));
    }
}
