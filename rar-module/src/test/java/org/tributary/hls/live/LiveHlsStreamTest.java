package org.tributary.hls.live;

import org.junit.jupiter.api.Test;
import org.tributary.api.HlsReply;
import org.tributary.engine.Playback;
import org.tributary.media.fmp4.ParsedBox;
import org.tributary.source.SourceTrack;
import org.tributary.stream.Stream;
import org.tributary.stream.StreamLimits;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tributary.hls.live.LiveFeeds.AAC_TICKS;
import static org.tributary.hls.live.LiveFeeds.FRAME_NANOS;
import static org.tributary.hls.live.LiveFeeds.FRAME_TICKS;

/** The packager of one stream pumped by hand on a test clock, asked for its playlists and segments. */
class LiveHlsStreamTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long IDLE = 30 * SECOND;
    private static final List<SourceTrack> TRACKS = List.of(LiveFeeds.h264(0, true), LiveFeeds.aac(1));

    private final AtomicLong clock = new AtomicLong(5 * SECOND);
    private final AtomicInteger stops = new AtomicInteger();
    private final Stream stream = new Stream("cam", TRACKS, StreamLimits.DEFAULT, clock::get);
    private final List<LiveFeeds.Frame> frames = LiveFeeds.frames(0, 25, 25, 25, 25, 25, 25, 25, 25);
    private long start;
    private int videoSent;
    private int audioSent;

    /** Parts as long as segments: these tests are of segments, playlists and the life cycle (HlsLiveIT has the parts). */
    static final double WHOLE = 1000;

    private LiveHlsStream packager() {
        start = clock.get();
        return new LiveHlsStream("live/cam", stream, List.of(LiveTrack.of(TRACKS.get(0), 1),
                LiveTrack.of(TRACKS.get(1), 2)), 1, WHOLE, 3, IDLE, 500, clock::get, stops::incrementAndGet);
    }

    /** Writes the stream's packets up to {@code seconds} after the start, moving the clock, pumping every 40 ms. */
    private void feed(LiveHlsStream packager, double seconds) {
        long until = start + Math.round(seconds * SECOND);
        while (true) {
            long nextVideo = start + videoSent * FRAME_NANOS;
            long nextAudio = start + audioSent * (long) AAC_TICKS * SECOND / 48_000;
            long next = Math.min(nextVideo, nextAudio);
            if (next >= until || videoSent >= frames.size()) {
                break;
            }
            clock.set(next);
            if (nextVideo <= nextAudio) {
                LiveFeeds.Frame f = frames.get(videoSent++);
                stream.write(0, ByteBuffer.wrap(f.nal()), true, (long) f.presentation() * FRAME_TICKS, 96, f.key());
                assertTrue(packager.pump(clock.get()) > 0, "the packager goes on");
            } else {
                stream.write(1, ByteBuffer.wrap(LiveFeeds.aacPayload(LiveFeeds.aacFrame(audioSent))), true,
                        (long) audioSent++ * AAC_TICKS, 97, false);
            }
        }
        clock.set(until);
    }

    private static String text(HlsReply reply) {
        assertEquals(200, reply.status(), new String(reply.body(), StandardCharsets.UTF_8));
        assertEquals(HlsReply.PLAYLIST_TYPE, reply.contentType());
        return new String(reply.body(), StandardCharsets.UTF_8);
    }

    private static List<String> segmentNames(String playlist) {
        return playlist.lines().filter(l -> l.startsWith("seg")).toList();
    }

    @Test
    void withNothingYetAndNoWaitARequestIsRefusedForNow() {
        LiveHlsStream packager = packager();
        HlsReply reply = packager.resource("media.m3u8", null, 0);
        assertEquals(503, reply.status());
        assertEquals("the live stream live/cam has not made its first segment yet (a segment starts at a key frame"
                + " and lasts at least 1 s)\n", new String(reply.body(), StandardCharsets.UTF_8));
        feed(packager, 0.9);
        assertEquals(503, packager.resource("seg500.m4s", null, 0).status(), "the first group of pictures is not over");
    }

    @Test
    void thePlaylistListsTheWindowOfTheLatestSegments() {
        LiveHlsStream packager = packager();
        feed(packager, 2.5);
        String playlist = text(packager.resource("media.m3u8", null, 0));
        assertEquals(List.of("seg500.m4s", "seg501.m4s"), segmentNames(playlist));
        assertTrue(playlist.contains("#EXT-X-TARGETDURATION:1\n") && playlist.contains("#EXT-X-MEDIA-SEQUENCE:500\n"),
                playlist);
        assertEquals(2, playlist.lines().filter(l -> l.equals("#EXTINF:1.00000,")).count(), playlist);
        assertFalse(playlist.contains("#EXT-X-ENDLIST"), playlist);
        feed(packager, 6.5);
        playlist = text(packager.resource("media.m3u8", null, 0));
        assertEquals(List.of("seg503.m4s", "seg504.m4s", "seg505.m4s"), segmentNames(playlist), "a window of 3");
        assertTrue(playlist.contains("#EXT-X-MEDIA-SEQUENCE:503\n"), playlist);
        List<String> lines = playlist.lines().toList();
        assertEquals(1, lines.stream().filter(l -> l.startsWith("#EXT-X-PROGRAM-DATE-TIME:")).count());
        int date = lines.indexOf(lines.stream().filter(l -> l.startsWith("#EXT-X-PROGRAM-DATE-TIME:")).findFirst()
                .orElseThrow());
        assertTrue(lines.get(date + 1).startsWith("#EXT-X-PART:") || lines.get(date + 1).startsWith("#EXTINF:"),
                "the date comes right before the first segment (its parts, then its EXTINF): " + playlist);
        assertTrue(lines.indexOf("seg503.m4s") > date, playlist);
    }

    @Test
    void segmentsOfTheWindowAreServedAndOthersAre404() {
        LiveHlsStream packager = packager();
        feed(packager, 5.5);
        HlsReply segment = packager.resource("seg503.m4s", null, 0);
        assertEquals(200, segment.status());
        assertEquals(HlsReply.SEGMENT_TYPE, segment.contentType());
        assertTrue(segment.live());
        List<ParsedBox> boxes = ParsedBox.parse(segment.body());
        assertEquals(504, ParsedBox.find(boxes, "moof").child("mfhd").content().getInt(4));
        assertEquals(25, ParsedBox.find(boxes, "moof").all("traf").get(0).child("trun").trun().count());
        HlsReply gone = packager.resource("seg501.m4s", null, 0);
        assertEquals(404, gone.status());
        assertEquals("the live stream live/cam has segments 502 to 504 now: seg501.m4s has left the window\n",
                new String(gone.body(), StandardCharsets.UTF_8));
        HlsReply early = packager.resource("seg505.m4s", null, 0);
        assertEquals(404, early.status());
        assertTrue(new String(early.body(), StandardCharsets.UTF_8).endsWith("seg505.m4s is not made yet\n"));
        assertEquals(404, packager.resource("seg0503.m4s", null, 0).status(), "not a name the playlist gives");
        assertEquals(404, packager.resource("other.txt", null, 0).status());
        HlsReply init = packager.resource("init.mp4", null, 0);
        assertEquals(200, init.status());
        assertEquals(HlsReply.INIT_TYPE, init.contentType());
        assertEquals(List.of("ftyp", "moov"), ParsedBox.parse(init.body()).stream().map(ParsedBox::type).toList());
    }

    @Test
    void theMultivariantPlaylistNamesTheCodecsAndSize() {
        LiveHlsStream packager = packager();
        feed(packager, 3.5);
        String playlist = text(packager.resource("index.m3u8", null, 0));
        assertTrue(playlist.contains(",CODECS=\"avc1.4d401e,mp4a.40.2\",RESOLUTION=640x360\nmedia.m3u8\n"), playlist);
    }

    @Test
    void aWaitingRequestIsAnsweredWhenTheFirstSegmentIsMade() throws Exception {
        LiveHlsStream packager = packager();
        CompletableFuture<HlsReply> waiting = CompletableFuture.supplyAsync(
                () -> packager.resource("media.m3u8", null, 3600 * SECOND));
        Thread.sleep(50);
        assertFalse(waiting.isDone());
        feed(packager, 1.5);
        HlsReply reply = waiting.get(10, TimeUnit.SECONDS);
        assertEquals(List.of("seg500.m4s"), segmentNames(text(reply)));
    }

    @Test
    void anEndedStreamEndsThePlaylistAndThePackager() {
        LiveHlsStream packager = packager();
        feed(packager, 2.5);
        byte[] kept = packager.resource("seg501.m4s", null, 0).body();
        stream.end();
        assertTrue(packager.pump(clock.get()) > 0, "the final playlist is served while viewers ask");
        assertTrue(packager.ended());
        assertFalse(packager.stopped());
        String playlist = text(packager.resource("media.m3u8", null, 0));
        // what came after the last key-frame cut (13 frames from 2.0 s) is the last, short segment
        assertTrue(playlist.endsWith("seg501.m4s\n#EXT-X-PART:DURATION=0.52000,URI=\"part502.0.m4s\",INDEPENDENT=YES\n"
                + "#EXTINF:0.52000,\nseg502.m4s\n#EXT-X-ENDLIST\n"), playlist);
        assertEquals(200, packager.resource("seg502.m4s", null, 0).status());
        assertFalse(playlist.contains("PRELOAD-HINT") || playlist.contains("CAN-BLOCK-RELOAD"), playlist);
        assertArrayEquals(kept, packager.resource("seg501.m4s", null, 0).body(), "what was made is still served");
        clock.set(clock.get() + IDLE + 1);
        assertEquals(Playback.DONE, packager.pump(clock.get()));
        assertTrue(packager.stopped());
        assertEquals(1, stops.get(), "told once");
        assertEquals(Playback.DONE, packager.pump(clock.get()));
        assertEquals(1, stops.get());
        assertEquals(0, stream.readerCount(), "the packager left the stream");
    }

    @Test
    void partsAreKeptForTheNewestThreeSegmentsOnly() {
        start = clock.get();
        LiveHlsStream packager = new LiveHlsStream("live/cam", stream, List.of(LiveTrack.of(TRACKS.get(0), 1)), 1,
                WHOLE, 5, IDLE, 500, clock::get, () -> { });
        feed(packager, 5.5);
        String playlist = text(packager.resource("media.m3u8", null, 0));
        assertEquals(List.of("seg500.m4s", "seg501.m4s", "seg502.m4s", "seg503.m4s", "seg504.m4s"), segmentNames(playlist));
        assertFalse(playlist.contains("part501."), playlist);
        assertTrue(playlist.contains("URI=\"part502.0.m4s\"") && playlist.contains("URI=\"part504.0.m4s\""), playlist);
        assertEquals(404, packager.resource("part501.0.m4s", null, 0).status(), "no longer listed, no longer kept");
        assertEquals(200, packager.resource("seg501.m4s", null, 0).status(), "its segment is");
        assertArrayEquals(packager.resource("seg502.m4s", null, 0).body(),
                packager.resource("part502.0.m4s", null, 0).body(), "one part a segment here");
    }

    @Test
    void aStreamThatEndsBeforeItsFirstCutHasOneShortSegment() {
        LiveHlsStream packager = packager();
        feed(packager, 0.5);
        stream.end();
        assertTrue(packager.pump(clock.get()) > 0);
        String playlist = text(packager.resource("media.m3u8", null, 3600 * SECOND));
        assertTrue(playlist.endsWith("#EXTINF:0.52000,\nseg500.m4s\n#EXT-X-ENDLIST\n"), playlist);
    }

    @Test
    void aStreamThatEndsBeforeItsFirstKeyFrameIs404() {
        LiveHlsStream packager = new LiveHlsStream("live/cam", stream, List.of(LiveTrack.of(TRACKS.get(0), 1)), 1,
                WHOLE, 3, IDLE, 500, clock::get, () -> { });
        stream.end();
        assertTrue(packager.pump(clock.get()) > 0);
        HlsReply reply = packager.resource("media.m3u8", null, 3600 * SECOND);
        assertEquals(404, reply.status());
        assertEquals("the live stream live/cam ended before its first segment\n",
                new String(reply.body(), StandardCharsets.UTF_8));
    }

    @Test
    void withoutRequestsThePackagerStopsAfterTheIdleTime() {
        LiveHlsStream packager = packager();
        feed(packager, 1.5);
        packager.resource("media.m3u8", null, 0);
        long asked = clock.get();
        assertTrue(packager.pump(asked + IDLE) > 0, "idle for exactly the limit: not yet");
        assertFalse(packager.stopped());
        assertEquals(Playback.DONE, packager.pump(asked + IDLE + 1));
        assertTrue(packager.stopped());
        assertEquals(1, stops.get());
        assertEquals(0, stream.readerCount());
    }

    @Test
    void theFirstSegmentComesFromTheGroupOfPicturesTheStreamKept() {
        // the stream ran 0.6 s before the packager joined: it gets the current group of pictures first
        start = clock.get();
        LiveHlsStream early = new LiveHlsStream("live/cam", stream, List.of(LiveTrack.of(TRACKS.get(0), 1)),
                1, WHOLE, 3, IDLE, 0, clock::get, () -> { });
        feed(early, 0.6);
        assertEquals(15, videoSent);
        early.stop();
        LiveHlsStream late = new LiveHlsStream("live/cam", stream, List.of(LiveTrack.of(TRACKS.get(0), 1),
                LiveTrack.of(TRACKS.get(1), 2)), 1, WHOLE, 3, IDLE, 700, clock::get, () -> { });
        feed(late, 1.1);
        HlsReply first = late.resource("seg700.m4s", null, 0);
        assertEquals(200, first.status());
        ParsedBox.Trun video = ParsedBox.find(ParsedBox.parse(first.body()), "moof").all("traf").get(0)
                .child("trun").trun();
        assertEquals(25, video.count(), "frames 0..24, the first 15 from the kept GOP");
    }
}
