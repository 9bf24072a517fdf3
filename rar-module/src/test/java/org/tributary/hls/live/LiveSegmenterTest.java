package org.tributary.hls.live;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tributary.media.fmp4.ParsedBox;
import org.tributary.media.mp4.Mp4File;
import org.tributary.media.mp4.Mp4Track;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tributary.hls.live.LiveFeeds.AAC_TICKS;
import static org.tributary.hls.live.LiveFeeds.FRAME_NANOS;
import static org.tributary.hls.live.LiveFeeds.FRAME_TICKS;

/**
 * Segments of a synthetic H.264 + AAC stream read back box by box: where they are cut, their decode and
 * presentation times, and that each track's timeline runs on from one segment to the next.
 */
class LiveSegmenterTest {

    private static final long VIDEO_BASE = LiveTrack.BASE_SECONDS * 90_000;
    private static final long AUDIO_BASE = LiveTrack.BASE_SECONDS * 48_000;
    private static final int SYNC = 0x02000000;
    private static final int NON_SYNC = 0x01010000;
    private static final long WALL = 1_700_000_000_000L;
    /** Groups of pictures of 0.76 s to 1.24 s, some shorter than the target, all closed. */
    private static final int[] GOPS = {19, 31, 13, 25, 7, 22, 19, 31, 13, 25, 7, 22, 25, 25};
    private static final int PREFIX = 4;
    private static final double TARGET = 1.5;

    /** What a run of the segmenter made, and what it was fed. */
    private record Run(List<LiveSegment> segments, LiveSegmenter segmenter, List<LiveFeeds.Frame> frames,
                       int audioFrames, List<LivePart> parts) {
    }

    /**
     * Feeds the video frames (one every 40 ms) and AAC frames (one every 1024/48000 s) in arrival order from
     * time 0, video first at a tie, polling the segmenter after each packet as the packager does.
     */
    private static Run run(List<LiveFeeds.Frame> frames, long videoTs0, long audioTs0, boolean withAudio,
                           double target) {
        return run(frames, videoTs0, audioTs0, withAudio, target, WHOLE);
    }

    private static Run run(List<LiveFeeds.Frame> frames, long videoTs0, long audioTs0, boolean withAudio,
                           double target, double partSeconds) {
        LiveTrack video = LiveTrack.of(LiveFeeds.h264(0, true), 1);
        LiveTrack audio = LiveTrack.of(LiveFeeds.aac(1), 2);
        LiveSegmenter segmenter = new LiveSegmenter(withAudio ? List.of(video, audio) : List.of(video), target,
                partSeconds, 100);
        segmenter.firstArrival(WALL);
        List<LivePart> segments = new ArrayList<>();
        long videoEnd = frames.size() * FRAME_NANOS;
        int a = 0;
        for (LiveFeeds.Frame f : frames) {
            long arrival = f.decode() * FRAME_NANOS;
            while (withAudio && audioArrival(a) < arrival) {
                pushAudio(audio, a, audioTs0, segmenter, segments);
                a++;
            }
            video.push(ByteBuffer.wrap(f.nal()), true, (videoTs0 + (long) f.presentation() * FRAME_TICKS) & 0xFFFF_FFFFL,
                    arrival);
            pollParts(segmenter, segments);
        }
        while (withAudio && audioArrival(a) < videoEnd) {
            pushAudio(audio, a, audioTs0, segmenter, segments);
            a++;
        }
        List<LiveSegment> whole = new ArrayList<>();
        List<LivePart> building = new ArrayList<>();
        for (LivePart p : segments) {
            building.add(p);
            if (p.endsSegment()) {
                whole.add(LiveSegment.of(building));
                building.clear();
            }
        }
        return new Run(whole, segmenter, frames, a, segments);
    }

    private static long audioArrival(int a) {
        return a * AAC_TICKS * 1_000_000_000L / 48_000;
    }

    private static void pushAudio(LiveTrack audio, int a, long ts0, LiveSegmenter segmenter, List<LivePart> out) {
        audio.push(ByteBuffer.wrap(LiveFeeds.aacPayload(LiveFeeds.aacFrame(a))), true,
                (ts0 + (long) a * AAC_TICKS) & 0xFFFF_FFFFL, audioArrival(a));
        pollParts(segmenter, out);
    }

    private static void pollParts(LiveSegmenter segmenter, List<LivePart> out) {
        for (LivePart p; (p = segmenter.poll()) != null; ) {
            out.add(p);
        }
    }

    /** Parts as long as segments: these tests are of the segments (parts have their own test). */
    static final double WHOLE = 1000;

    private static void poll(LiveSegmenter segmenter, List<LiveSegment> out) {
        for (LivePart p; (p = segmenter.poll()) != null; ) {
            assertTrue(p.endsSegment() && p.index() == 0, "one part a segment with parts of " + WHOLE + " s");
            out.add(LiveSegment.of(List.of(p)));
        }
    }

    /** The decode-order frame indices where the segments start, as the rule says: key frame, at least the target. */
    private static List<Integer> expectedCuts(List<LiveFeeds.Frame> frames, double target) {
        List<Integer> cuts = new ArrayList<>();
        for (LiveFeeds.Frame f : frames) {
            if (!f.key()) {
                continue;
            }
            if (cuts.isEmpty() || (f.presentation() - frames.get(cuts.get(cuts.size() - 1)).presentation())
                    * FRAME_TICKS >= Math.round(target * 90_000)) {
                cuts.add(f.decode());
            }
        }
        return cuts;
    }

    /** One traf read back. */
    private record Traf(int trackId, long tfdt, ParsedBox.Trun trun) {
        long end() {
            long t = tfdt;
            for (int d : trun.durations()) {
                t += d;
            }
            return t;
        }
    }

    private record Parsed(long mfhd, List<Traf> trafs, byte[] mdat) {
        Traf track(int id) {
            return trafs.stream().filter(t -> t.trackId == id).findFirst()
                    .orElseThrow(() -> new AssertionError("no traf of track " + id));
        }
    }

    private static Parsed parse(byte[] segment) {
        List<ParsedBox> boxes = ParsedBox.parse(segment);
        assertEquals(List.of("styp", "moof", "mdat"), boxes.stream().map(ParsedBox::type).toList());
        ParsedBox moof = boxes.get(1);
        long mfhd = moof.child("mfhd").content().getInt(4) & 0xFFFFFFFFL;
        List<Traf> trafs = new ArrayList<>();
        int expectedOffset = boxes.get(2).start() + 8 - moof.start();
        for (ParsedBox traf : moof.all("traf")) {
            ParsedBox.Trun trun = traf.child("trun").trun();
            assertEquals(0x000F01, trun.flags(), "trun flags");
            assertEquals(0x01, traf.child("trun").content().get(0), "trun version 1 (signed offsets)");
            assertEquals(expectedOffset, trun.dataOffset(), "each traf's data follows the previous one's");
            for (int s : trun.sizes()) {
                expectedOffset += s;
            }
            trafs.add(new Traf(traf.child("tfhd").tfhdTrackId(), traf.child("tfdt").tfdt(), trun));
        }
        ByteBuffer mdat = boxes.get(2).content();
        byte[] data = new byte[mdat.remaining()];
        mdat.get(data);
        return new Parsed(mfhd, trafs, data);
    }

    @Test
    void segmentsStartAtKeyFramesAndLastUntilTheFirstKeyFrameAtLeastTheTargetLater() {
        List<LiveFeeds.Frame> frames = LiveFeeds.frames(PREFIX, GOPS);
        Run run = run(frames, 12345, 777, true, TARGET);
        List<Integer> cuts = expectedCuts(frames, TARGET);
        assertEquals(List.of(4, 54, 92, 140, 184, 238), cuts, "the cuts this feed must have");
        assertEquals(cuts.size() - 1, run.segments().size(), "one segment per pair of cuts; the last is open");
        for (int k = 0; k < run.segments().size(); k++) {
            LiveSegment s = run.segments().get(k);
            int from = cuts.get(k);
            int to = cuts.get(k + 1);
            assertEquals(100 + k, s.sequence());
            assertEquals((to - from) * 0.04, s.durationSeconds(), 1e-9, "segment " + k);
            assertTrue(s.durationSeconds() >= TARGET, "segment " + k + " lasts " + s.durationSeconds());
            assertEquals(WALL + from * 40L, s.programDateMillis(), "dated by its first frame's arrival");
            Parsed p = parse(s.bytes());
            assertEquals(s.sequence() + 1, p.mfhd());
            Traf v = p.track(1);
            assertEquals(to - from, v.trun().count(), "segment " + k + " has frames " + from + ".." + (to - 1));
            assertEquals(SYNC, v.trun().sampleFlags()[0], "segment " + k + " starts with a sync sample");
            for (int i = 0; i < v.trun().count(); i++) {
                LiveFeeds.Frame f = frames.get(from + i);
                assertEquals(f.key() ? SYNC : NON_SYNC, v.trun().sampleFlags()[i], "frame " + f.decode());
                assertEquals(4 + f.nal().length, v.trun().sizes()[i], "frame " + f.decode());
            }
        }
    }

    @Test
    void decodeTimesFollowThePresentationTimesWithoutNegativeOffsets() {
        List<LiveFeeds.Frame> frames = LiveFeeds.frames(PREFIX, GOPS);
        Run run = run(frames, 0, 0, true, TARGET);
        List<Integer> cuts = expectedCuts(frames, TARGET);
        long previousDts = Long.MIN_VALUE;
        for (int k = 0; k < run.segments().size(); k++) {
            Traf v = parse(run.segments().get(k).bytes()).track(1);
            if (k == 0) {
                // the reordering delay is one frame: decode times are the presentation times one frame early
                assertEquals(VIDEO_BASE + (PREFIX - 1) * FRAME_TICKS, v.tfdt(), "first decode time");
            }
            long dts = v.tfdt();
            for (int i = 0; i < v.trun().count(); i++) {
                LiveFeeds.Frame f = frames.get(cuts.get(k) + i);
                assertTrue(dts > previousDts, "decode times increase at frame " + f.decode());
                assertEquals(FRAME_TICKS, v.trun().durations()[i], "frame " + f.decode());
                int offset = v.trun().offsets()[i];
                assertTrue(offset >= 0, "composition offset " + offset + " of frame " + f.decode());
                assertEquals(VIDEO_BASE + (long) f.presentation() * FRAME_TICKS, dts + offset,
                        "presentation time of frame " + f.decode());
                previousDts = dts;
                dts += v.trun().durations()[i];
            }
        }
    }

    @Test
    void eachTracksTimelineRunsOnFromOneSegmentToTheNext() {
        Run run = run(LiveFeeds.frames(PREFIX, GOPS), 0, 0, true, TARGET);
        assertTrue(run.segments().size() >= 5);
        for (int k = 0; k + 1 < run.segments().size(); k++) {
            Parsed now = parse(run.segments().get(k).bytes());
            Parsed next = parse(run.segments().get(k + 1).bytes());
            assertEquals(now.track(1).end(), next.track(1).tfdt(), "video tfdt of segment " + (k + 1));
            assertEquals(now.track(2).end(), next.track(2).tfdt(), "audio tfdt of segment " + (k + 1));
        }
    }

    @Test
    void audioBeforeTheFirstKeyFrameIsDroppedAndEveryLaterFrameIsCarriedOnceInOrder() {
        List<LiveFeeds.Frame> frames = LiveFeeds.frames(PREFIX, GOPS);
        Run run = run(frames, 0, 0, true, TARGET);
        List<Integer> cuts = expectedCuts(frames, TARGET);
        // the first key frame is shown 0.16 s in: 7680 ticks at 48 kHz, so AAC frame 8 (8192) is the first kept
        int expectedFrame = 8;
        for (int k = 0; k < run.segments().size(); k++) {
            Parsed p = parse(run.segments().get(k).bytes());
            Traf audio = p.track(2);
            assertEquals(AUDIO_BASE + (long) expectedFrame * AAC_TICKS, audio.tfdt(), "audio tfdt of segment " + k);
            long videoEnd = Math.round((VIDEO_BASE + (long) frames.get(cuts.get(k + 1)).presentation() * FRAME_TICKS)
                    / 90_000.0 * 48_000);
            ByteArrayOutputStream expectedData = new ByteArrayOutputStream();
            for (int i = 0; i < cuts.get(k + 1) - cuts.get(k); i++) {
                expectedData.writeBytes(LiveFeeds.lengthPrefixed(frames.get(cuts.get(k) + i).nal()));
            }
            for (int i = 0; i < audio.trun().count(); i++) {
                byte[] au = LiveFeeds.aacFrame(expectedFrame);
                assertEquals(au.length, audio.trun().sizes()[i], "AAC frame " + expectedFrame);
                assertEquals(AAC_TICKS, audio.trun().durations()[i], "AAC frame " + expectedFrame);
                assertEquals(SYNC, audio.trun().sampleFlags()[i]);
                assertEquals(0, audio.trun().offsets()[i]);
                assertTrue(AUDIO_BASE + (long) expectedFrame * AAC_TICKS < videoEnd,
                        "AAC frame " + expectedFrame + " starts before the segment's video ends");
                expectedData.writeBytes(au);
                expectedFrame++;
            }
            assertTrue(audio.end() > videoEnd - 2 * AAC_TICKS, "segment " + k + ": audio ends at " + audio.end()
                    + ", the video at " + videoEnd);
            assertArrayEquals(expectedData.toByteArray(), p.mdat(), "segment " + k + ": video samples, then audio");
        }
    }

    @Test
    void theRtpTimestampsStartingPointAndTheirWrapChangeNothing() {
        List<LiveFeeds.Frame> frames = LiveFeeds.frames(PREFIX, GOPS);
        Run plain = run(frames, 0, 0, true, TARGET);
        Run wrapping = run(frames, 0xFFFF_FFFFL - 100 * FRAME_TICKS, 0xFFFF_FFFFL - 150 * AAC_TICKS, true, TARGET);
        assertEquals(plain.segments().size(), wrapping.segments().size());
        for (int k = 0; k < plain.segments().size(); k++) {
            assertArrayEquals(plain.segments().get(k).bytes(), wrapping.segments().get(k).bytes(), "segment " + k);
        }
    }

    @Test
    void theInitSegmentHasBothTracksOnceTheFirstSegmentIsCut(@TempDir Path dir) throws Exception {
        LiveTrack video = LiveTrack.of(LiveFeeds.h264(0, true), 1);
        LiveTrack audio = LiveTrack.of(LiveFeeds.aac(1), 2);
        LiveSegmenter segmenter = new LiveSegmenter(List.of(video, audio), TARGET, WHOLE, 0);
        assertNull(segmenter.init());
        assertEquals(List.of(), segmenter.carried());
        Run run = run(LiveFeeds.frames(PREFIX, GOPS), 0, 0, true, TARGET);
        byte[] init = run.segmenter().init();
        assertNotNull(init);
        assertEquals(List.of("avc1.4d401e", "mp4a.40.2"),
                run.segmenter().carried().stream().map(LiveTrack::codecName).toList());
        List<ParsedBox> boxes = ParsedBox.parse(init);
        assertEquals(List.of("ftyp", "moov"), boxes.stream().map(ParsedBox::type).toList());
        assertEquals(2, boxes.get(1).all("trak").size());
        Path file = dir.resolve("init.mp4");
        Files.write(file, init);
        try (Mp4File mp4 = Mp4File.open(file)) {
            Mp4Track v = mp4.trackById(1);
            assertEquals("vide", v.handlerType());
            assertEquals(90_000, v.mediaTimescale());
            assertEquals(640, v.sampleEntry().width());
            assertEquals(360, v.sampleEntry().height());
            assertEquals(1, v.sampleEntry().avcC()[0]);
            assertEquals(0x4D, v.sampleEntry().avcC()[1]);
            Mp4Track a = mp4.trackById(2);
            assertEquals("soun", a.handlerType());
            assertEquals(48_000, a.mediaTimescale());
            assertArrayEquals(new byte[] {0x11, (byte) 0x90}, a.sampleEntry().decoderSpecificInfo());
            assertEquals(2, a.sampleEntry().channelCount());
        }
    }

    @Test
    void videoOnlyBeforeAnyKeyFrameMakesNothing() {
        Run run = run(LiveFeeds.frames(40), 0, 0, true, TARGET);
        assertEquals(List.of(), run.segments());
        assertNull(run.segmenter().init());
    }

    @Test
    void partsAreCutWithinThePartTargetWhereTheFrameOrderAllowsAndMakeTheSegments() {
        Run whole = run(LiveFeeds.frames(PREFIX, GOPS), 0, 0, true, TARGET);
        Run parted = run(LiveFeeds.frames(PREFIX, GOPS), 0, 0, true, TARGET, 0.5);
        assertEquals(whole.segments().size(), parted.segments().size(), "the same segments");
        assertTrue(parted.parts().size() >= 2 * parted.segments().size(), parted.parts().size() + " parts");
        long[] next = {-1, -1};
        int index = 0;
        for (LivePart p : parted.parts()) {
            assertTrue(p.durationSeconds() <= 0.5 + 1e-9, "a part of " + p.durationSeconds() + " s");
            assertEquals(index, p.index());
            index = p.endsSegment() ? 0 : index + 1;
            Parsed parsed = parse(p.bytes());
            assertTrue(p.index() != 0 || parsed.track(1).trun().sampleFlags()[0] == SYNC,
                    "a segment's first part starts with a key frame");
            assertEquals(p.independent(), parsed.track(1).trun().sampleFlags()[0] == SYNC);
            for (Traf t : parsed.trafs()) {
                int k = t.trackId() - 1;
                if (next[k] >= 0) {
                    assertEquals(next[k], t.tfdt(), "track " + t.trackId() + " continues across parts");
                }
                long sum = 0;
                for (int i = 0; i < t.trun().count(); i++) {
                    sum += t.trun().durations()[i];
                    if (k == 0) {
                        assertTrue(t.trun().offsets()[i] >= 0, "no frame is decoded after it is shown");
                    }
                }
                next[k] = t.tfdt() + sum;
            }
        }
        for (int k = 0; k < whole.segments().size(); k++) {
            LiveSegment w = whole.segments().get(k);
            LiveSegment p = parted.segments().get(k);
            assertEquals(w.durationSeconds(), p.durationSeconds(), 1e-9, "segment " + k);
            assertEquals(w.sequence(), p.sequence());
            assertEquals(w.programDateMillis(), p.programDateMillis());
        }
    }

    @Test
    void anAudioOnlyStreamIsCutByTime() {
        LiveTrack audio = LiveTrack.of(LiveFeeds.aac(0), 1);
        LiveSegmenter segmenter = new LiveSegmenter(List.of(audio), 1.0, WHOLE, 5);
        segmenter.firstArrival(WALL);
        List<LiveSegment> segments = new ArrayList<>();
        long offset = 250_000_000L; // the first packet came 0.25 s after the stream's first (of a track left out)
        for (int a = 0; a < 240; a++) {
            audio.push(ByteBuffer.wrap(LiveFeeds.aacPayload(LiveFeeds.aacFrame(a))), true, 9_000 + (long) a * AAC_TICKS,
                    offset + audioArrival(a));
            poll(segmenter, segments);
        }
        // 48000 ticks is 46.875 frames: each segment runs until the 47th frame after its first
        assertEquals(5, segments.size(), "240 frames make 5 whole segments of 47");
        long first = AUDIO_BASE + 12_000;
        for (int k = 0; k < segments.size(); k++) {
            LiveSegment s = segments.get(k);
            assertEquals(5 + k, s.sequence());
            assertEquals(47 * 1024 / 48_000.0, s.durationSeconds(), 1e-9);
            assertEquals(WALL + 250 + Math.round(k * 47 * 1024 / 48.0), s.programDateMillis());
            Parsed p = parse(s.bytes());
            assertEquals(1, p.trafs().size());
            Traf t = p.track(1);
            assertEquals(first + k * 47L * AAC_TICKS, t.tfdt(), "segment " + k);
            assertEquals(47, t.trun().count());
            for (int i = 0; i < 47; i++) {
                assertEquals(AAC_TICKS, t.trun().durations()[i]);
                assertEquals(LiveFeeds.aacFrame(47 * k + i).length, t.trun().sizes()[i]);
            }
        }
        assertNotNull(segmenter.init());
        assertEquals(List.of("mp4a.40.2"), segmenter.carried().stream().map(LiveTrack::codecName).toList());
    }

    @Test
    void aSecondVideoTrackIsLeftOutRatherThanGivenTheFirstOnesDecodeTimes() {
        LiveTrack main = LiveTrack.of(LiveFeeds.h264(0, true), 1);
        LiveTrack audio = LiveTrack.of(LiveFeeds.aac(1), 2);
        LiveTrack other = LiveTrack.of(LiveFeeds.h264(2, true), 3);
        LiveSegmenter segmenter = new LiveSegmenter(List.of(main, audio, other), TARGET, WHOLE, 0);
        List<LiveSegment> segments = new ArrayList<>();
        List<LiveFeeds.Frame> frames = LiveFeeds.frames(PREFIX, GOPS);
        int a = 0;
        for (LiveFeeds.Frame f : frames) {
            long arrival = f.decode() * FRAME_NANOS;
            while (audioArrival(a) < arrival) {
                audio.push(ByteBuffer.wrap(LiveFeeds.aacPayload(LiveFeeds.aacFrame(a))), true, (long) a * AAC_TICKS,
                        audioArrival(a));
                a++;
                poll(segmenter, segments);
            }
            main.push(ByteBuffer.wrap(f.nal()), true, (long) f.presentation() * FRAME_TICKS, arrival);
            poll(segmenter, segments);
            // the other camera runs 2 frames behind, with its own clock offset
            other.push(ByteBuffer.wrap(f.nal()), true, 5_000_000L + (long) f.presentation() * FRAME_TICKS,
                    arrival + 2 * FRAME_NANOS);
            poll(segmenter, segments);
        }
        assertEquals(5, segments.size());
        assertEquals(List.of(main, audio), segmenter.carried(), "one video track in the variant");
        assertEquals(2, ParsedBox.find(ParsedBox.parse(segmenter.init()), "moov").all("trak").size());
        for (int k = 0; k + 1 < segments.size(); k++) {
            Parsed now = parse(segments.get(k).bytes());
            Parsed next = parse(segments.get(k + 1).bytes());
            assertEquals(List.of(1, 2), now.trafs().stream().map(Traf::trackId).toList());
            assertEquals(now.track(1).end(), next.track(1).tfdt(), "video tfdt of segment " + (k + 1));
            assertEquals(now.track(2).end(), next.track(2).tfdt(), "audio tfdt of segment " + (k + 1));
        }
        assertEquals(frames.size() - 238, other.pending().size(),
                "what is not carried is dropped at each cut: only the frames since the last one are left");
    }
}
