package org.tributary.loadtool.hls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tributary.loadtool.hls.Playlist.Segment;

/** VOD from the start and looped; live joined near the edge and followed across reloads by sequence number. */
class SegmentCursorTest {
    private static final URI BASE = URI.create("http://h/p/media.m3u8");

    private static Playlist playlist(long firstSequence, int count, double seconds, int target, boolean endList) {
        StringBuilder text = new StringBuilder("#EXTM3U\n#EXT-X-TARGETDURATION:" + target + "\n#EXT-X-MEDIA-SEQUENCE:"
                + firstSequence + "\n");
        for (int i = 0; i < count; i++) {
            text.append("#EXTINF:").append(seconds).append(",\ns").append(firstSequence + i).append(".m4s\n");
        }
        if (endList) {
            text.append("#EXT-X-ENDLIST\n");
        }
        return Playlist.parse(text.toString(), BASE);
    }

    /** Loads {@code n} segments, each as soon as it is there; null where the playlist did not have one. */
    private static List<Long> take(SegmentCursor cursor, Playlist p, int n) {
        List<Long> taken = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Segment s = cursor.next(p);
            taken.add(s == null ? null : s.sequence());
            if (s != null) {
                cursor.advancePast(s, p);
            }
        }
        return taken;
    }

    @Test
    void vodStartsAtTheFirstSegmentAndLoops() {
        Playlist vod = playlist(0, 3, 6, 6, true);
        SegmentCursor cursor = SegmentCursor.joining(vod);
        assertEquals(List.of(0L, 1L, 2L, 0L, 1L, 2L, 0L), take(cursor, vod, 7));
        assertFalse(cursor.finished(vod));
    }

    @Test
    void liveJoinsThreeTargetDurationsFromTheEdge() {
        assertEquals(103L, SegmentCursor.joining(playlist(100, 6, 6, 6, false)).next(playlist(100, 6, 6, 6, false))
                .sequence());
        // 2 s segments under a 6 s target: nine segments back.
        Playlist shortSegments = playlist(0, 12, 2, 6, false);
        assertEquals(3L, SegmentCursor.joining(shortSegments).next(shortSegments).sequence());
        // Fewer than three target durations in the window: from its start.
        Playlist young = playlist(7, 2, 6, 6, false);
        assertEquals(7L, SegmentCursor.joining(young).next(young).sequence());
    }

    @Test
    void liveFollowsReloadsBySequenceNumberAndWaitsAtTheEdge() {
        Playlist first = playlist(100, 6, 6, 6, false);
        SegmentCursor cursor = SegmentCursor.joining(first);
        List<Long> taken = take(cursor, first, 4);
        assertEquals(Arrays.asList(103L, 104L, 105L, null), taken, "nothing past the edge until a reload");
        Playlist reloaded = playlist(102, 6, 6, 6, false); // two new segments, two old ones gone
        assertFalse(cursor.behindWindow(reloaded));
        assertEquals(Arrays.asList(106L, 107L, null), take(cursor, reloaded, 3));
    }

    @Test
    void aViewerBehindTheWindowRejoinsAtItsOldestSegment() {
        Playlist first = playlist(100, 6, 6, 6, false);
        SegmentCursor cursor = SegmentCursor.joining(first);
        Playlist muchLater = playlist(140, 6, 6, 6, false);
        assertTrue(cursor.behindWindow(muchLater));
        assertNull(cursor.next(muchLater));
        cursor.rejoin(muchLater);
        assertEquals(140L, cursor.next(muchLater).sequence());
    }

    @Test
    void anEndedLiveStreamFinishesAfterItsLastSegmentInsteadOfLooping() {
        Playlist live = playlist(10, 4, 6, 6, false);
        SegmentCursor cursor = SegmentCursor.joining(live);
        take(cursor, live, 3);
        Playlist ended = playlist(10, 5, 6, 6, true);
        assertFalse(cursor.finished(ended));
        assertEquals(Arrays.asList(14L, null), take(cursor, ended, 2));
        assertTrue(cursor.finished(ended));
    }
}
